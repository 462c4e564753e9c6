package org.consentry.testing.evidence;

/**
 * The legal duties the test suite proves (issue 9): each with the article it comes from and a short
 * title in English and Polish, for the evidence report a data-protection officer reads.
 */
public enum Duty {
    GDPR_5_1_C("GDPR Art. 5(1)(c)", "Data minimisation", "Minimalizacja danych"),
    GDPR_5_1_E("GDPR Art. 5(1)(e)", "Storage limitation", "Ograniczenie przechowywania"),
    GDPR_7_1("GDPR Art. 7(1)", "Demonstrable consent", "Możliwość wykazania zgody"),
    GDPR_7_3("GDPR Art. 7(3)", "Withdrawal of consent", "Wycofanie zgody"),
    GDPR_12_3("GDPR Art. 12(3)", "Answer to a request within one month", "Odpowiedź na żądanie w ciągu miesiąca"),
    GDPR_15("GDPR Art. 15", "Right of access", "Prawo dostępu"),
    GDPR_16("GDPR Art. 16", "Right to rectification", "Prawo do sprostowania danych"),
    GDPR_17("GDPR Art. 17", "Right to erasure", "Prawo do usunięcia danych"),
    GDPR_19("GDPR Art. 19", "Recipients told of rectification or erasure",
            "Powiadomienie odbiorców o sprostowaniu lub usunięciu"),
    GDPR_20("GDPR Art. 20", "Data portability", "Prawo do przenoszenia danych"),
    GDPR_25("GDPR Art. 25", "Data protection by design and by default",
            "Uwzględnianie ochrony danych w fazie projektowania i domyślna ochrona danych"),
    GDPR_30("GDPR Art. 30", "Records of processing activities", "Rejestr czynności przetwarzania"),
    GDPR_32("GDPR Art. 32", "Security of processing", "Bezpieczeństwo przetwarzania"),
    GDPR_33("GDPR Art. 33", "Breach notified to the supervisory authority", "Zgłoszenie naruszenia organowi nadzorczemu"),
    GDPR_34("GDPR Art. 34", "Breach communicated to the data subject",
            "Zawiadomienie osoby, której dane dotyczą, o naruszeniu"),
    AI_ACT_50("AI Act Art. 50", "Users told they talk to an AI", "Informowanie o interakcji z systemem AI");

    private final String label;
    private final String titleEn;
    private final String titlePl;

    Duty(String label, String titleEn, String titlePl) {
        this.label = label;
        this.titleEn = titleEn;
        this.titlePl = titlePl;
    }

    public String label() {
        return label;
    }

    public String titleEn() {
        return titleEn;
    }

    public String titlePl() {
        return titlePl;
    }
}
