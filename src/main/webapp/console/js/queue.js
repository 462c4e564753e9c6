// The desk's waiting queue: a page at a time (the server's cursor), how many chats wait in all and since
// when, filters by language and reason, and the chats the live feed announces beyond the pages loaded.
import {request} from './api.js';
import {h, fill} from './dom.js';
import {duration, t} from './i18n.js';
import {report, say} from './status.js';

const PAGE = 100;
const MAX_ARRIVALS = 100;

/** entry(item, true) draws one waiting chat; signal ends the page's calls. */
export function waitingQueue(entry, signal) {
    const list = h('ul', {class: 'queue', id: 'queue', 'aria-live': 'polite'});
    const count = h('p', {class: 'hint', id: 'queue-count'});
    const language = h('select', {id: 'queue-language', 'aria-label': t('filterLanguage'), onChange: restart},
        h('option', {value: ''}, t('anyLanguage')), h('option', {value: 'pl'}, 'PL'), h('option', {value: 'en'}, 'EN'));
    const reason = h('input', {type: 'search', id: 'queue-reason', maxlength: 100, placeholder: t('filterReason'),
        'aria-label': t('filterReason'), onInput: () => {
            clearTimeout(typing);
            typing = setTimeout(restart, 300);
        }});
    let typing = null;
    let items = [];
    let next = null;
    let total = 0;
    let oldest = null;
    let wanted = PAGE;
    const arrivals = new Map();

    async function page(after) {
        const query = new URLSearchParams({status: 'WAITING', limit: String(PAGE)});
        if (language.value) {
            query.set('language', language.value);
        }
        if (reason.value.trim()) {
            query.set('reason', reason.value.trim());
        }
        if (after) {
            query.set('after', after);
        }
        const response = await request('GET', 'escalations?' + query, undefined, {signal, raw: true});
        const link = /<([^>]*)>\s*;\s*rel="?next"?/.exec(response.headers.get('Link') ?? '');
        return {
            items: await response.json(),
            total: Number(response.headers.get('Consentry-Total') ?? 0),
            oldest: response.headers.get('Consentry-Oldest-Waiting-Since'),
            next: link ? new URL(link[1], location.href).searchParams.get('after') : null
        };
    }

    function take(answer, shown) {
        items = shown;
        next = answer.next;
        total = answer.total;
        oldest = answer.oldest;
        for (const item of items) {
            arrivals.delete(item.id);
        }
        if (!next) {
            arrivals.clear(); // every waiting chat is in the pages now
        }
        render();
    }

    /** Reads again as many chats as the agent has opened pages for, from the oldest. */
    async function refresh() {
        let answer = await page(null);
        let shown = answer.items;
        while (answer.next && shown.length < wanted) {
            const more = await page(answer.next);
            shown = shown.concat(more.items);
            answer = {...more, total: answer.total, oldest: answer.oldest};
        }
        take(answer, shown);
    }

    async function more() {
        const answer = await page(next);
        const first = answer.items[0]?.id;
        take(answer, items.concat(answer.items));
        wanted = items.length;
        list.querySelector(`li[data-id="${CSS.escape(first ?? '')}"] button`)?.focus();
    }

    function restart() {
        wanted = PAGE;
        arrivals.clear();
        refresh().catch(report);
    }

    function render() {
        count.textContent = total === 0 ? '' : t('waitingCount', total)
            + (oldest ? ' · ' + t('oldestWaits', duration((Date.now() - Date.parse(oldest)) / 1000)) : '');
        const rows = items.map(item => entry(item, true));
        if (next) {
            const hidden = Math.max(0, total - items.length - arrivals.size);
            rows.push(h('li', {class: 'more'}, h('button', {type: 'button', id: 'queue-more', class: 'quiet',
                onClick: () => more().catch(report)}, t('showMore', hidden))));
        }
        for (const item of arrivals.values()) {
            rows.push(entry(item, true));
        }
        fill(list, rows.length ? rows : h('li', {class: 'empty'}, t('emptyQueue')));
    }

    /** The server's filter: every word typed is a word of the reason (it keeps only hashes of words). */
    function matches(event) {
        const words = wordsOf(reason.value);
        const shown = new Set(wordsOf(event.reason || ''));
        return (!language.value || event.language === language.value)
            && words.every(word => shown.has(word));
    }

    function wordsOf(text) {
        return text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(word => word);
    }

    /**
     * An event of the live feed: a new chat past the loaded pages is shown and announced at once (the
     * refresh that follows every event loads only as many chats as the agent has opened pages for).
     */
    function announce(name, event) {
        if (name === 'escalation.waiting') {
            if (items.some(item => item.id === event.id) || arrivals.has(event.id) || !matches(event)) {
                return;
            }
            arrivals.set(event.id, {...event, waitingSeconds: (Date.now() - Date.parse(event.createdAt)) / 1000});
            while (arrivals.size > MAX_ARRIVALS) {
                arrivals.delete(arrivals.keys().next().value);
            }
            total += 1;
            render();
            say(t('arrived', event.reason));
        } else if (arrivals.delete(event.id)) {
            render();
        }
    }

    return {element: h('div', {}, count, h('div', {class: 'filters'}, language, reason), list), refresh, announce};
}
