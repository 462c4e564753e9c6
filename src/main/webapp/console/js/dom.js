// Builds DOM from values as text: nothing that comes from the API is ever parsed as HTML.

/** An element with attributes, event handlers (onClick...) and children (nodes or text). */
export function h(tag, props = {}, ...children) {
    const el = document.createElement(tag);
    for (const [key, value] of Object.entries(props ?? {})) {
        if (value === undefined || value === null || value === false) {
            continue;
        }
        if (key.startsWith('on') && typeof value === 'function') {
            el.addEventListener(key.slice(2).toLowerCase(), value);
        } else if (key === 'class') {
            el.className = value;
        } else if (key === 'value') {
            el.value = value;
        } else {
            el.setAttribute(key, value === true ? '' : String(value));
        }
    }
    append(el, children);
    return el;
}

function append(el, children) {
    for (const child of children.flat(Infinity)) {
        if (child === null || child === undefined || child === false) {
            continue;
        }
        el.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
}

/** Replaces an element's children. */
export function fill(el, ...children) {
    el.replaceChildren();
    append(el, children);
    return el;
}

/** A table with a header row and one row per item. */
export function table(headers, rows, caption) {
    return h('div', {class: 'table-wrap'},
        h('table', {},
            caption ? h('caption', {}, caption) : null,
            h('thead', {}, h('tr', {}, headers.map(text => h('th', {scope: 'col'}, text)))),
            h('tbody', {}, rows.map(cells => h('tr', {}, cells.map(cell => h('td', {}, cell)))))));
}
