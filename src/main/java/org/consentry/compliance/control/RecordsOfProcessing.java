package org.consentry.compliance.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.metamodel.EntityType;
import java.text.MessageFormat;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.logging.Logger;
import org.consentry.consent.control.GuardedOperations;
import org.consentry.crmsync.control.Recipients;
import org.consentry.crypto.control.KeyRing;
import org.consentry.crypto.control.SubjectKeyStore;
import org.consentry.host.control.HostInventory;
import org.consentry.host.entity.HostField;
import org.consentry.notice.control.PrivacyNotice;
import org.consentry.notice.entity.CategoryNotice;
import org.consentry.notice.entity.Notice;
import org.consentry.notice.entity.PurposeNotice;
import org.eclipse.microprofile.config.Config;

/**
 * The record of processing activities (GDPR Art. 30(1)), assembled from what the code declares: the
 * entities' {@code @PersonalData} and {@code @Retained} (where data lies), the {@code @RequiresConsent}
 * guards (which operations serve which purpose), and from what configuration says: the purposes with
 * their lawful basis, categories and recipients, the retention in force, the controller. The code's
 * part is read once at start-up; retention and keys are read at each request, as admins change them.
 */
@ApplicationScoped
public class RecordsOfProcessing {

    private static final Logger LOG = Logger.getLogger(RecordsOfProcessing.class.getName());
    private static final String DEV_CONTROLLER = "Consentry development deployment";

    @PersistenceContext(unitName = "consentry")
    EntityManager em;

    @Inject
    GuardedOperations guards;

    @Inject
    PrivacyNotice notice;

    @Inject
    Recipients crm;

    @Inject
    KeyRing keyRing;

    @Inject
    SubjectKeyStore keys;

    @Inject
    HostInventory hosts;

    @Inject
    Config config;

    @Inject
    Clock clock;

    private List<PersonalDataMap.Place> places;
    private Map<String, List<String>> operations;

    public record Activity(String purpose, String description, String lawfulBasis, String legalReference,
                           boolean consentRequired, String noticeVersion, List<String> categories, List<String> recipients,
                           List<String> guardedOperations) {
    }

    public record Record(String language, String title, Instant generatedAt, Notice.Controller controller,
                         String dpoContact, String dataSubjects, String transfers, List<Activity> activities,
                         List<CategoryNotice> categories, List<PersonalDataMap.Place> storage, List<String> securityMeasures,
                         List<String> gaps) {
    }

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        List<Class<?>> entities = new ArrayList<>();
        for (EntityType<?> entity : em.getMetamodel().getEntities()) {
            entities.add(entity.getJavaType());
        }
        places = PersonalDataMap.of(entities);
        BreachHoldings.verifyCovers(places);
        operations = guards.byPurpose();
        LOG.info(() -> "Record of processing: " + places.size() + " places of personal data, guarded purposes "
                + operations.keySet());
    }

    public Record in(String language) {
        ResourceBundle texts = texts(language);
        Notice current = notice.in(language);
        List<Activity> activities = new ArrayList<>();
        for (PurposeNotice p : current.purposes()) {
            activities.add(new Activity(p.id(), p.description(), p.lawfulBasisText(), p.legalReference(), p.consentRequired(),
                    p.noticeVersion(), p.dataCategories(), p.recipients().stream().map(r -> recipient(r, texts)).toList(),
                    operations.getOrDefault(p.id(), List.of())));
        }
        List<String> measures = new ArrayList<>();
        for (int i = 1; texts.containsKey("measure." + i); i++) {
            measures.add(MessageFormat.format(texts.getString("measure." + i), keyRing.versions().size(), keys.primaryVersion()));
        }
        Optional<String> dpo = config.getOptionalValue("consentry.dpo.contact", String.class);
        List<String> gaps = new ArrayList<>();
        if (keyRing.usesDevelopmentKeys()) {
            gaps.add(texts.getString("gap.dev-keys"));
        }
        if (current.controller().name().startsWith(DEV_CONTROLLER)) {
            gaps.add(texts.getString("gap.controller"));
        }
        if (dpo.isEmpty()) {
            gaps.add(texts.getString("gap.dpo"));
        }
        return new Record(language, texts.getString("title"), clock.instant(), current.controller(), dpo.orElse(null),
                text("consentry.records.data-subjects", language), text("consentry.records.transfers", language),
                List.copyOf(activities), current.dataCategories(), storage(), List.copyOf(measures), List.copyOf(gaps));
    }

    /**
     * Consentry's own places of personal data, then the host applications' sealed fields as their key
     * requests named them (entity: "host &lt;identity&gt; for &lt;purpose&gt;").
     */
    private List<PersonalDataMap.Place> storage() {
        List<PersonalDataMap.Place> storage = new ArrayList<>(places);
        for (HostField field : hosts.all()) {
            storage.add(new PersonalDataMap.Place(field.category(), field.table(), field.column(),
                    "host " + field.host() + " for " + field.purpose(), true));
        }
        return List.copyOf(storage);
    }

    /** A recipient as the record names it; the CRM with its connector and host, never its secret or path. */
    private String recipient(String id, ResourceBundle texts) {
        if (id.equals("crm")) {
            return crm.any()
                    ? crm.all().stream().map(r -> MessageFormat.format(texts.getString("recipient.crm"), r.type(), r.where()))
                            .collect(java.util.stream.Collectors.joining("; "))
                    : texts.getString("recipient.crm.off");
        }
        return texts.containsKey("recipient." + id) ? texts.getString("recipient." + id) : id;
    }

    private String text(String key, String language) {
        return config.getOptionalValue(key + "." + language, String.class).orElse("");
    }

    public static ResourceBundle texts(String language) {
        return ResourceBundle.getBundle("org.consentry.compliance.control.records", Locale.forLanguageTag(language),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }
}
