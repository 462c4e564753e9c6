// The API, from the console. Signed in with a name and password, the credentials live in this module's
// memory only: no cookie, no web storage; a reload signs out. Every request sends them as a header, which a
// page of another site cannot do: no request of this console can be forged from elsewhere (CSRF).
// Signed in through single sign-on, the server's session cookie carries the sign-in instead, and only
// together with the marker cookie consentry_sso (SameSite=Lax: a cross-site form post never carries it, and
// without it the server does not look at the session); the server refuses cross-site writes besides.

const BASE = new URL('../../api/v1/', import.meta.url);
const CONSOLE = new URL('../', import.meta.url);
const MARKER = 'consentry_sso';
let authorization = null;
let session = false;

/** A problem response (RFC 9457) from the API. */
export class ApiError extends Error {
    constructor(status, problem) {
        super(problem.detail || problem.title || ('HTTP ' + status));
        this.status = status;
        this.problem = problem;
    }

    /** The message for each invalid field, if the API named them. */
    fieldErrors() {
        const errors = {};
        for (const e of this.problem.errors ?? []) {
            errors[e.field] = e.message;
        }
        if (this.problem.field) {
            errors[this.problem.field] = errors[this.problem.field] ?? this.message;
        }
        return errors;
    }

    /** The last segment of the problem type (consent-required, sweep-running...). */
    get kind() {
        return String(this.problem.type ?? '').split('/').pop();
    }
}

function basic(user, password) {
    const bytes = new TextEncoder().encode(user + ':' + password);
    let binary = '';
    bytes.forEach(b => { binary += String.fromCharCode(b); });
    return 'Basic ' + btoa(binary);
}

/** Signs in: checks the credentials and answers who it is ({user, roles}). */
export async function signIn(user, password) {
    authorization = basic(user, password);
    try {
        return await request('GET', 'me');
    } catch (e) {
        authorization = null;
        throw e;
    }
}

export function signOut() {
    authorization = null;
}

/** Whether the server offers single sign-on (sso-oidc.xml). */
export async function singleSignOnOffered() {
    try {
        const response = await fetch(new URL('sign-in-options', CONSOLE), {credentials: 'omit', cache: 'no-store'});
        return response.ok && (await response.json()).singleSignOn === true;
    } catch (e) {
        return false;
    }
}

/** Leaves for the provider's sign-in page; it sends the browser back to the console. */
export function singleSignOn() {
    const secure = location.protocol === 'https:' ? '; Secure' : '';
    document.cookie = MARKER + '=1; Path=/; SameSite=Lax' + secure;
    location.assign(new URL('sso', CONSOLE));
}

function hasMarker() {
    return document.cookie.split(';').some(c => c.trim().startsWith(MARKER + '='));
}

function dropMarker() {
    document.cookie = MARKER + '=; Path=/; Max-Age=0; SameSite=Lax';
}

/** Back from the provider: the session's user ({user, roles}), or null when there is no session. */
export async function resumeSession() {
    if (!hasMarker()) {
        return null;
    }
    session = true;
    try {
        return await request('GET', 'me');
    } catch (e) {
        session = false;
        dropMarker();
        return null;
    }
}

export function inSession() {
    return session;
}

/**
 * Ends the single sign-on session here and at the provider (RP-initiated logout): the server answers the
 * provider's end-session address, which sends the browser back to the console.
 */
export async function endSession(next) {
    let location = new URL('./', CONSOLE).toString();
    try {
        const response = await fetch(new URL('sign-out', CONSOLE), {method: 'POST', credentials: 'same-origin',
            cache: 'no-store', redirect: 'manual', headers: {'Accept': 'application/json'}});
        if (response.ok) {
            location = (await response.json()).location;
        }
    } finally {
        session = false;
        dropMarker();
    }
    (next ?? (url => window.location.assign(url)))(location);
}

/** One request; the JSON answer, or an ApiError. With {raw: true} the Response itself. */
export async function request(method, path, body, options = {}) {
    const headers = {'Accept': 'application/json, application/problem+json'};
    if (authorization) {
        headers['Authorization'] = authorization;
    }
    if (body !== undefined) {
        headers['Content-Type'] = 'application/json';
    }
    const response = await fetch(new URL(path, BASE), {
        method, headers, body: body === undefined ? undefined : JSON.stringify(body),
        credentials: session ? 'same-origin' : 'omit', redirect: session ? 'manual' : 'follow',
        cache: 'no-store', signal: options.signal
    });
    if (response.type === 'opaqueredirect') {
        // the session ended at the server: its answer is the way to the provider's sign-in page
        throw new ApiError(401, {title: 'Session ended', type: 'session-ended'});
    }
    if (!response.ok) {
        let problem = {};
        try {
            problem = await response.json();
        } catch (ignored) {
            // not a problem body
        }
        if (session && response.status === 401 && String(problem.type ?? '').endsWith('session-expired')
                && typeof problem.signOut === 'string') {
            // too old a session: end it at the provider too, then sign in anew
            session = false;
            dropMarker();
            window.location.assign(problem.signOut);
        }
        throw new ApiError(response.status, problem);
    }
    if (options.raw) {
        return response;
    }
    return response.status === 204 ? null : response.json();
}

/**
 * Server-sent events with the credentials as a header (EventSource cannot send one): calls
 * onEvent(name, data) for each event, reconnects after a drop from the last event id, until the
 * signal aborts.
 */
export async function events(path, onEvent, signal) {
    let lastId = null;
    while (!signal.aborted) {
        try {
            const headers = {'Accept': 'text/event-stream'};
            if (authorization) {
                headers['Authorization'] = authorization;
            }
            if (lastId) {
                headers['Last-Event-ID'] = lastId;
            }
            const response = await fetch(new URL(path, BASE), {headers, credentials: session ? 'same-origin' : 'omit',
                redirect: session ? 'manual' : 'follow', cache: 'no-store', signal});
            if (!response.ok || !response.body) {
                throw new ApiError(response.status, {});
            }
            const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
            let buffer = '';
            for (;;) {
                const {value, done} = await reader.read();
                if (done) {
                    break;
                }
                buffer += value;
                let end;
                while ((end = buffer.indexOf('\n\n')) >= 0) {
                    const block = buffer.slice(0, end);
                    buffer = buffer.slice(end + 2);
                    const event = {name: 'message', data: []};
                    for (const line of block.split('\n')) {
                        if (line.startsWith('event:')) {
                            event.name = line.slice(6).trim();
                        } else if (line.startsWith('data:')) {
                            event.data.push(line.slice(5).trimStart());
                        } else if (line.startsWith('id:')) {
                            lastId = line.slice(3).trim();
                        }
                    }
                    if (event.data.length) {
                        onEvent(event.name, event.data.join('\n'));
                    }
                }
            }
        } catch (e) {
            if (signal.aborted) {
                return;
            }
        }
        await new Promise(resolve => setTimeout(resolve, 1500));
    }
}
