package org.consentry.notice.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.consentry.consent.control.Purposes;
import org.consentry.consent.entity.Purpose;
import org.consentry.notice.entity.CategoryNotice;
import org.consentry.notice.entity.Notice;
import org.consentry.notice.entity.PurposeNotice;
import org.consentry.notice.entity.Right;
import org.consentry.retention.control.DataCategories;
import org.consentry.retention.control.RetentionPolicies;
import org.consentry.retention.entity.RetentionPolicy;
import org.consentry.retention.entity.DataCategory;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Writes the notice from what the server is configured to do, so that it cannot drift from it. */
@ApplicationScoped
public class PrivacyNotice {

    public static final List<String> LANGUAGES = List.of("pl", "en");
    private static final List<String> RIGHTS = List.of("15", "16", "17", "18", "20", "21", "7(3)", "22", "77");

    @Inject
    Purposes purposes;

    @Inject
    DataCategories categories;

    @Inject
    RetentionPolicies policies;

    @Inject
    @ConfigProperty(name = "consentry.controller.name")
    String controllerName;

    @Inject
    @ConfigProperty(name = "consentry.controller.contact")
    String controllerContact;

    public Notice in(String language) {
        NoticeTexts texts = NoticeTexts.of(language);
        List<PurposeNotice> purposeNotices = purposes.all().stream().map(p -> purpose(p, language, texts)).toList();
        List<CategoryNotice> categoryNotices = categories.all().stream()
                .map(c -> category(c, policies.effective(c.id()), language, texts)).toList();
        List<Right> rights = RIGHTS.stream()
                .map(article -> new Right(article, texts.get("right." + article + ".name"), texts.get("right." + article + ".text")))
                .toList();
        return new Notice(language, texts.get("title"), new Notice.Controller(controllerName, controllerContact),
                texts.get("ai-disclosure"), texts.get("human-agent"), purposeNotices, categoryNotices, rights,
                texts.get("security"));
    }

    private static PurposeNotice purpose(Purpose p, String language, NoticeTexts texts) {
        String basis = texts.get("basis." + p.basis().name());
        return new PurposeNotice(p.id(), p.text(language), p.basis().name(), p.basis().article(), basis,
                p.requiresConsent(), p.requiresConsent() ? texts.get("consent.withdraw") : null,
                p.noticeVersion(), p.categories(), p.recipients());
    }

    /** A category as the notice tells it: the retention in force (an admin's, or the configured default). */
    private static CategoryNotice category(DataCategory c, RetentionPolicy policy, String language, NoticeTexts texts) {
        String period = PeriodWords.say(policy.period(), language);
        String retention = switch (c.starts()) {
            case RELATIONSHIP_END -> texts.format("retention.after-relationship", period);
            case CONVERSATION_END -> texts.format("retention.after-conversation", period);
            case COLLECTION -> texts.format("retention.after-collection", period);
        };
        return new CategoryNotice(c.id(), c.description(language), policy.period().toString(),
                c.starts().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
                policy.action().name(), retention + " " + texts.get("retention.action." + policy.action().name()));
    }
}
