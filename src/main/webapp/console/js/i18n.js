// The console's texts in Polish and English; the language follows the browser until the user picks one.

const TEXTS = {
    en: {
        skip: 'Skip to content', language: 'Language', signOut: 'Sign out', signIn: 'Sign in', user: 'User',
        password: 'Password', signInTitle: 'Sign in to Consentry', signInFailed: 'User or password not recognised.', singleSignOn: 'Sign in with single sign-on',
        noPages: 'Your role has no pages in the console.',
        desk: 'Agent desk', retention: 'Retention', consents: 'Consents', erasures: 'Subject rights', audit: 'Audit',
        outbox: 'CRM outbox',
        recipients: 'Recipients', deliveries: 'Deliveries', recipient: 'Recipient', allRecipients: 'All recipients',
        connector: 'Connector', where: 'Where', state: 'State', pendingCount: 'Pending', failedCount: 'Failed',
        lastError: 'Last error', lastDelivered: 'Last delivered', noRecipients: 'No CRM recipient is configured.',
        stateOK: 'OK', stateRETRYING: 'Retrying', stateFAILING: 'Failing', stateIDLE: 'Idle',
        queue: 'Waiting chats', mine: 'My chats', emptyQueue: 'No chat is waiting.', emptyMine: 'You hold no chat.',
        live: 'Live: new chats appear here by themselves.', waiting: 'waiting {0}', messages: '{0} messages',
        waitingCount: '{0} waiting', oldestWaits: 'the oldest for {0}', showMore: 'Show more ({0} not shown yet)',
        arrived: 'New chat waiting: {0}', filterLanguage: 'Language of the chat', anyLanguage: 'Any language',
        filterReason: 'Words of the reason',
        claim: 'Claim', open: 'Open', claimedByOther: 'Another agent took this chat.',
        botPaused: 'The bot is paused while you handle this chat.', customer: 'Customer', name: 'Name', email: 'E-mail',
        phone: 'Phone', reveal: 'Reveal', revealTitle: 'Reveal a masked value', revealReason: 'Why do you need it? (at least 10 characters; audited)',
        revealValue: 'The value (shown once)', close: 'Close', conversation: 'Conversation', from_CUSTOMER: 'Customer',
        from_BOT: 'Bot', from_AGENT: 'Agent', reply: 'Reply to the customer', send: 'Send', resolve: 'Resolve',
        resolveConfirm: 'Resolve this chat? The bot answers the customer again.', back: 'Back to the queue',
        resolved: 'Chat resolved.', sent: 'Reply sent.', reason: 'Reason', started: 'Started',
        category: 'Category', period: 'Period', action: 'Action', starts: 'Clock starts', source: 'Set by',
        inForce: 'In force since', save: 'Save', saved: 'Saved: stored rows are re-stamped in the background.',
        defaultPolicy: 'configured default', defaultWas: 'default {0} {1}', starts_collection: 'at collection',
        'starts_conversation-end': 'at the end of the conversation', 'starts_relationship-end': 'at the end of the relationship',
        DELETE: 'delete', ANONYMIZE: 'anonymise', sweepNow: 'Sweep now', sweeping: 'Sweeping… {0} deleted, {1} anonymised so far',
        sweepReport: 'Sweep {0}: {1} deleted, {2} anonymised', sweepRunning: 'Another sweep is running; try again shortly.',
        deleted: 'Deleted', anonymized: 'Anonymised', subjectId: 'Subject id', lookUp: 'Look up', purpose: 'Purpose',
        basis: 'Lawful basis', status: 'Status', current: 'Current', noticeVersion: 'Notice version', grantedAt: 'Granted',
        endedAt: 'Ended', history: 'History', channel: 'Channel', erase: 'Erase…', eraseConfirm: 'Erase everything held on {0}? This cannot be undone.',
        export: 'Download export', requests: 'Erasure requests', requested: 'Requested', deadline: 'Deadline', age: 'Age',
        overdue: 'overdue', steps: 'Steps', receipt: 'Receipt', noRequests: 'No erasure request yet.', from: 'From', to: 'To',
        filter: 'Filter', verify: 'Verify the chain', chainValid: 'The chain is intact: {0} entries verified.',
        chainBroken: 'The chain is broken at entry {0}: {1}', time: 'Time', actor: 'Actor', subject: 'Subject (ref)',
        outcome: 'Outcome', detail: 'Detail', event: 'Event', kind: 'Kind', attempts: 'Attempts', lastOutcome: 'Last outcome', retry: 'Retry',
        retried: 'Sent again.', nothing: 'Nothing to show.', failedBecause: 'Failed: {0}', yes: 'yes', no: 'no'
    },
    pl: {
        skip: 'Przejdź do treści', language: 'Język', signOut: 'Wyloguj', signIn: 'Zaloguj', user: 'Użytkownik',
        password: 'Hasło', signInTitle: 'Logowanie do Consentry', signInFailed: 'Nie rozpoznano użytkownika lub hasła.', singleSignOn: 'Zaloguj przez logowanie jednokrotne (SSO)',
        noPages: 'Twoja rola nie ma stron w konsoli.',
        desk: 'Pulpit konsultanta', retention: 'Retencja', consents: 'Zgody', erasures: 'Prawa osób', audit: 'Audyt',
        outbox: 'Wysyłki do CRM',
        recipients: 'Odbiorcy', deliveries: 'Wysyłki', recipient: 'Odbiorca', allRecipients: 'Wszyscy odbiorcy',
        connector: 'Konektor', where: 'Adres', state: 'Stan', pendingCount: 'Oczekujące', failedCount: 'Nieudane',
        lastError: 'Ostatni błąd', lastDelivered: 'Ostatnio dostarczono', noRecipients: 'Nie skonfigurowano żadnego odbiorcy CRM.',
        stateOK: 'Działa', stateRETRYING: 'Ponawia', stateFAILING: 'Błędy', stateIDLE: 'Bezczynny',
        queue: 'Czaty w kolejce', mine: 'Moje czaty', emptyQueue: 'Żaden czat nie czeka.', emptyMine: 'Nie prowadzisz żadnego czatu.',
        live: 'Na żywo: nowe czaty pojawiają się tu same.', waiting: 'czeka {0}', messages: 'wiadomości: {0}',
        waitingCount: 'czekających: {0}', oldestWaits: 'najdłużej od {0}', showMore: 'Pokaż więcej (jeszcze niepokazanych: {0})',
        arrived: 'Nowy czat czeka: {0}', filterLanguage: 'Język czatu', anyLanguage: 'Każdy język',
        filterReason: 'Słowa powodu',
        claim: 'Przejmij', open: 'Otwórz', claimedByOther: 'Ten czat przejął inny konsultant.',
        botPaused: 'Bot jest wstrzymany, dopóki prowadzisz tę rozmowę.', customer: 'Klient', name: 'Imię i nazwisko',
        email: 'E-mail', phone: 'Telefon', reveal: 'Odsłoń', revealTitle: 'Odsłonięcie zamaskowanej wartości',
        revealReason: 'Dlaczego jej potrzebujesz? (co najmniej 10 znaków; zapisywane w audycie)',
        revealValue: 'Wartość (pokazywana raz)', close: 'Zamknij', conversation: 'Rozmowa', from_CUSTOMER: 'Klient',
        from_BOT: 'Bot', from_AGENT: 'Konsultant', reply: 'Odpowiedź dla klienta', send: 'Wyślij', resolve: 'Zakończ',
        resolveConfirm: 'Zakończyć ten czat? Bot znów odpowiada klientowi.', back: 'Wróć do kolejki',
        resolved: 'Czat zakończony.', sent: 'Odpowiedź wysłana.', reason: 'Powód', started: 'Rozpoczęty',
        category: 'Kategoria', period: 'Okres', action: 'Działanie', starts: 'Początek okresu', source: 'Ustawione przez',
        inForce: 'Obowiązuje od', save: 'Zapisz', saved: 'Zapisano: zapisane wiersze dostają nowe daty w tle.',
        defaultPolicy: 'domyślne z konfiguracji', defaultWas: 'domyślnie {0} {1}', starts_collection: 'od zebrania',
        'starts_conversation-end': 'od zakończenia rozmowy', 'starts_relationship-end': 'od zakończenia współpracy',
        DELETE: 'usunięcie', ANONYMIZE: 'anonimizacja', sweepNow: 'Usuń teraz', sweeping: 'Trwa usuwanie… usunięto {0}, zanonimizowano {1}',
        sweepReport: 'Przebieg {0}: usunięto {1}, zanonimizowano {2}', sweepRunning: 'Trwa inny przebieg; spróbuj za chwilę.',
        deleted: 'Usunięte', anonymized: 'Zanonimizowane', subjectId: 'Identyfikator osoby', lookUp: 'Szukaj', purpose: 'Cel',
        basis: 'Podstawa prawna', status: 'Stan', current: 'Aktualna', noticeVersion: 'Wersja klauzuli', grantedAt: 'Udzielona',
        endedAt: 'Zakończona', history: 'Historia', channel: 'Kanał', erase: 'Usuń dane…', eraseConfirm: 'Usunąć wszystko, co przechowujemy o {0}? Tego nie można cofnąć.',
        export: 'Pobierz kopię danych', requests: 'Żądania usunięcia', requested: 'Zgłoszone', deadline: 'Termin', age: 'Wiek',
        overdue: 'po terminie', steps: 'Kroki', receipt: 'Potwierdzenie', noRequests: 'Brak żądań usunięcia.', from: 'Od', to: 'Do',
        filter: 'Filtruj', verify: 'Sprawdź łańcuch', chainValid: 'Łańcuch jest nienaruszony: sprawdzono {0} wpisów.',
        chainBroken: 'Łańcuch jest przerwany przy wpisie {0}: {1}', time: 'Czas', actor: 'Kto', subject: 'Osoba (ref)',
        outcome: 'Wynik', detail: 'Szczegóły', event: 'Zdarzenie', kind: 'Rodzaj', attempts: 'Próby', lastOutcome: 'Ostatni wynik', retry: 'Ponów',
        retried: 'Wysłano ponownie.', nothing: 'Nic do pokazania.', failedBecause: 'Nie udało się: {0}', yes: 'tak', no: 'nie'
    }
};

let language = (navigator.language || 'en').toLowerCase().startsWith('pl') ? 'pl' : 'en';

export function lang() {
    return language;
}

export function setLang(value) {
    language = TEXTS[value] ? value : 'en';
    document.documentElement.lang = language;
    document.querySelectorAll('[data-i18n]').forEach(el => { el.textContent = t(el.dataset.i18n); });
}

/** The text for key, with {0}, {1}... filled in. */
export function t(key, ...values) {
    const text = TEXTS[language][key] ?? TEXTS.en[key] ?? key;
    return text.replace(/\{(\d)}/g, (m, i) => String(values[Number(i)] ?? ''));
}

export function when(iso) {
    return iso ? new Intl.DateTimeFormat(language, {dateStyle: 'short', timeStyle: 'medium'}).format(new Date(iso)) : '';
}

export function duration(seconds) {
    const s = Math.max(0, Math.round(seconds));
    if (s < 60) {
        return s + ' s';
    }
    if (s < 3600) {
        return Math.floor(s / 60) + ' min';
    }
    return Math.floor(s / 3600) + ' h ' + Math.floor((s % 3600) / 60) + ' min';
}
