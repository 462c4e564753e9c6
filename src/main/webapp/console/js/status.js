// What every page tells its user: a short message in the status line (read by screen readers too).
import {ApiError} from './api.js';
import {t} from './i18n.js';

const status = document.getElementById('status');

/** Tells the user something (screen readers too), briefly. */
export function say(text, isError = false) {
    status.className = isError ? 'status error' : 'status';
    status.textContent = text;
    clearTimeout(say.timer);
    say.timer = setTimeout(() => { status.textContent = ''; }, 6000);
}

/** Tells the user a call failed; a call cancelled because the page was left is no failure. */
export function report(error) {
    if (error?.name !== 'AbortError') {
        say(failure(error), true);
    }
}

/** The message of a failed call, for the user. */
export function failure(error) {
    return error instanceof ApiError ? error.message : t('failedBecause', error.message);
}
