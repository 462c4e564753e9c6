// The console: sign-in, then the pages the user's roles may use (agents: the desk; admins: the rest).
// It only composes: the pages import what they share from api.js, dom.js, i18n.js and status.js, never from here.
import {ApiError, endSession, inSession, resumeSession, signIn, signOut, singleSignOn, singleSignOnOffered} from './api.js';
import {h, fill} from './dom.js';
import {lang, setLang, t} from './i18n.js';
import {desk} from './desk.js';
import {admin, ADMIN_PAGES} from './admin.js';
import {failure} from './status.js';

const main = document.getElementById('main');
const nav = document.getElementById('nav');
let me = null;
let leave = null; // what the current page stops when it is left (event streams, timers)

function pagesFor(roles) {
    const pages = [];
    if (roles.includes('agent')) {
        pages.push('desk');
    }
    if (roles.includes('admin')) {
        pages.push(...ADMIN_PAGES);
    }
    return pages;
}

function route() {
    if (!me) {
        return;
    }
    const pages = pagesFor(me.roles);
    if (!pages.length) {
        fill(main, h('p', {}, t('noPages')));
        return;
    }
    const page = pages.includes(location.hash.slice(1)) ? location.hash.slice(1) : pages[0];
    fill(nav, pages.map(p => h('a', {href: '#' + p, 'aria-current': p === page ? 'page' : null}, t(p))));
    if (leave) {
        leave();
    }
    const controller = new AbortController();
    leave = () => controller.abort();
    fill(main);
    if (page === 'desk') {
        desk(main, me, controller.signal);
    } else {
        admin(page, main, controller.signal);
    }
    main.focus();
}

function signInForm() {
    fill(nav);
    const user = h('input', {id: 'user', name: 'user', autocomplete: 'username', required: true});
    const password = h('input', {id: 'password', name: 'password', type: 'password', autocomplete: 'current-password', required: true});
    const error = h('p', {class: 'error', role: 'alert'});
    const form = h('form', {class: 'card signin', onSubmit: async event => {
        event.preventDefault();
        error.textContent = '';
        try {
            const who = await signIn(user.value, password.value);
            password.value = '';
            signedIn(who);
        } catch (e) {
            error.textContent = e instanceof ApiError && e.status === 401 ? t('signInFailed') : failure(e);
        }
    }},
    h('h1', {}, t('signInTitle')),
    h('label', {for: 'user'}, t('user')), user,
    h('label', {for: 'password'}, t('password')), password,
    h('button', {type: 'submit', id: 'signin'}, t('signIn')), error);
    fill(main, form);
    user.focus();
    singleSignOnOffered().then(offered => {
        if (offered && form.isConnected) {
            form.append(h('button', {type: 'button', id: 'sso', class: 'quiet', onClick: () => singleSignOn()}, t('singleSignOn')));
        }
    });
}

function signedIn(who) {
    me = who;
    document.getElementById('who').textContent = me.user;
    document.getElementById('signout').hidden = false;
    route();
}

const language = document.getElementById('language');
setLang(lang());
language.value = lang();
language.addEventListener('change', () => {
    setLang(language.value);
    if (me) {
        route();
    } else {
        signInForm();
    }
});
document.getElementById('signout').addEventListener('click', () => {
    if (leave) {
        leave();
    }
    if (inSession()) {
        endSession();
        return;
    }
    signOut();
    me = null;
    document.getElementById('who').textContent = '';
    document.getElementById('signout').hidden = true;
    signInForm();
});
window.addEventListener('hashchange', route);
// back from the single sign-on provider: the session's user, else the sign-in form
resumeSession().then(who => who ? signedIn(who) : signInForm());
