// The agent desk: the live queue, claiming, the masked conversation, reveals with a reason, replies, resolving.
import {ApiError, events, request} from './api.js';
import {h, fill} from './dom.js';
import {duration, t, when} from './i18n.js';
import {failure, report, say} from './status.js';
import {waitingQueue} from './queue.js';

export function desk(main, me, signal) {
    const mine = h('ul', {class: 'queue', id: 'mine'});
    const waiting = waitingQueue(entry, signal);
    const chat = h('section', {id: 'chat', class: 'chat', tabindex: -1, 'aria-label': t('conversation')});
    fill(main, h('div', {class: 'desk'},
        h('section', {class: 'lists'},
            h('h2', {}, t('mine')), mine,
            h('h2', {}, t('queue')), h('p', {class: 'hint'}, t('live')), waiting.element),
        chat));
    let current = null;
    let refreshing = null;

    async function refresh() {
        try {
            const [, held] = await Promise.all([waiting.refresh(),
                request('GET', 'escalations?status=ASSIGNED', undefined, {signal})]);
            fill(mine, held.length ? held.map(item => entry(item, false)) : h('li', {class: 'empty'}, t('emptyMine')));
        } catch (e) {
            report(e);
        }
    }

    function soon() {
        clearTimeout(refreshing);
        refreshing = setTimeout(refresh, 150);
    }

    function entry(item, waiting) {
        return h('li', {class: 'item', 'data-id': item.id},
            h('div', {class: 'reason'}, item.reason),
            h('div', {class: 'meta'}, item.language.toUpperCase(), ' · ', t('waiting', duration(item.waitingSeconds)),
                ' · ', t('messages', item.messageCount)),
            waiting
                ? h('button', {type: 'button', class: 'claim', onClick: () => claim(item.id), 'aria-label': t('claim') + ': ' + item.reason}, t('claim'))
                : h('button', {type: 'button', class: 'open', onClick: () => show(item.id)}, t('open')));
    }

    async function claim(id) {
        try {
            await request('POST', 'escalations/' + encodeURIComponent(id) + '/claim');
            await refresh();
            await show(id);
        } catch (e) {
            say(e instanceof ApiError && e.status === 409 ? t('claimedByOther') : failure(e), true);
            refresh();
        }
    }

    async function show(id) {
        current = id;
        let detail;
        try {
            detail = await request('GET', 'escalations/' + encodeURIComponent(id), undefined, {signal});
        } catch (e) {
            report(e);
            return;
        }
        const reply = h('textarea', {id: 'reply', rows: 3, maxlength: 4000, required: true, 'aria-label': t('reply')});
        fill(chat,
            h('div', {class: 'banner', role: 'status'}, t('botPaused')),
            h('h2', {}, detail.reason),
            h('p', {class: 'meta'}, t('started'), ': ', when(detail.createdAt), ' · ', detail.language.toUpperCase()),
            h('h3', {}, t('customer')),
            h('dl', {class: 'customer'}, ['name', 'email', 'phone'].map(field => [
                h('dt', {}, t(field)),
                h('dd', {}, detail.customer?.[field] ?? '—', detail.customer?.[field]
                    ? h('button', {type: 'button', class: 'reveal quiet', 'data-field': 'customer.' + field,
                        onClick: () => reveal('customer.' + field, t(field))}, t('reveal')) : null)])),
            h('h3', {}, t('conversation')),
            h('ol', {class: 'transcript', id: 'transcript'}, detail.transcript.map(message)),
            h('form', {class: 'reply', onSubmit: async event => {
                event.preventDefault();
                try {
                    await request('POST', 'escalations/' + encodeURIComponent(id) + '/messages', {text: reply.value});
                    reply.value = '';
                    say(t('sent'));
                    show(id);
                } catch (e) {
                    report(e);
                }
            }}, h('label', {for: 'reply'}, t('reply')), reply, h('button', {type: 'submit', id: 'send'}, t('send'))),
            h('div', {class: 'actions'},
                h('button', {type: 'button', id: 'resolve', onClick: async () => {
                    if (!confirm(t('resolveConfirm'))) {
                        return;
                    }
                    try {
                        await request('POST', 'escalations/' + encodeURIComponent(id) + '/resolve');
                        say(t('resolved'));
                        current = null;
                        fill(chat);
                        refresh();
                    } catch (e) {
                        report(e);
                    }
                }}, t('resolve'))));
        if (document.activeElement?.id !== 'reply') {
            chat.scrollIntoView({block: 'start'});
            chat.focus({preventScroll: true});
        }
    }

    /** A message, its masked values as buttons that reveal them: the text is only ever text. */
    function message(m) {
        const text = h('p', {class: 'text'});
        let at = 0;
        for (const mask of [...m.masks].sort((a, b) => a.start - b.start)) {
            text.append(document.createTextNode(m.text.slice(at, mask.start)));
            text.append(h('button', {type: 'button', class: 'mask', 'data-field': mask.field, 'data-type': mask.type,
                title: t('reveal') + ' (' + mask.type + ')', onClick: () => reveal(mask.field, mask.type)},
                m.text.slice(mask.start, mask.end)));
            at = mask.end;
        }
        text.append(document.createTextNode(m.text.slice(at)));
        return h('li', {class: 'message from-' + m.from.toLowerCase()},
            h('div', {class: 'meta'}, t('from_' + m.from), m.author ? ' (' + m.author + ')' : '', ' · ', when(m.at)), text);
    }

    /** Asks why, reveals the value, shows it once: closing the dialog removes it from the page. */
    function reveal(field, label) {
        const reason = h('textarea', {id: 'reveal-reason', rows: 2, minlength: 10, maxlength: 500, required: true});
        const output = h('output', {id: 'revealed', class: 'revealed'});
        const error = h('p', {class: 'error', role: 'alert'});
        const dialog = h('dialog', {class: 'card', 'aria-labelledby': 'reveal-title'},
            h('form', {method: 'dialog', onSubmit: async event => {
                event.preventDefault();
                error.textContent = '';
                try {
                    const answer = await request('POST', 'escalations/' + encodeURIComponent(current) + '/reveal',
                        {field, reason: reason.value});
                    output.textContent = answer.value;
                    reason.disabled = true;
                    submit.disabled = true;
                } catch (e) {
                    error.textContent = failure(e);
                }
            }},
            h('h2', {id: 'reveal-title'}, t('revealTitle'), ': ', label),
            h('label', {for: 'reveal-reason'}, t('revealReason')), reason,
            h('p', {}, t('revealValue'), ': ', output), error,
            h('div', {class: 'actions'}, h('button', {type: 'submit', id: 'reveal-submit'}, t('reveal')),
                h('button', {type: 'button', id: 'reveal-close', class: 'quiet', onClick: () => dialog.close()}, t('close')))));
        const submit = dialog.querySelector('#reveal-submit');
        dialog.addEventListener('close', () => {
            output.textContent = '';
            dialog.remove();
        });
        document.body.append(dialog);
        dialog.showModal();
        reason.focus();
    }

    refresh();
    events('escalations/events', (name, data) => {
        soon();
        let event;
        try {
            event = JSON.parse(data);
        } catch (ignored) {
            return; // an event without JSON data
        }
        waiting.announce(name, event);
        if (current && name === 'escalation.message' && event.id === current) {
            show(current);
        }
    }, signal);
}
