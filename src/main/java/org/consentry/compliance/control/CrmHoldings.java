package org.consentry.compliance.control;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import org.consentry.compliance.entity.Holding;
import org.consentry.crmsync.control.CrmDisclosures;
import org.consentry.platform.control.Jdbc;

/** The subjects' data that went to the CRM recipients during a window, with what each field policy let out. */
@Dependent
public class CrmHoldings {

    @Inject
    CrmDisclosures disclosures;

    /** Deliveries to the CRM attempted in the window, each adding what it let out to its subject's holdings. */
    void add(Connection connection, Map<String, BreachHoldings.Subject> subjects, Instant from, Instant to) throws SQLException {
        String kinds = String.join(", ", Collections.nCopies(CrmDisclosures.KINDS.size(), "?"));
        try (PreparedStatement query = connection.prepareStatement("SELECT DISTINCT subject_id, kind, recipient FROM outbox_entry"
                + " WHERE subject_id IS NOT NULL AND kind IN (" + kinds + ") AND ((delivered_at >= ? AND delivered_at < ?)"
                + " OR (last_attempt_at >= ? AND last_attempt_at < ?))")) {
            int i = 1;
            for (String kind : CrmDisclosures.KINDS) {
                query.setString(i++, kind);
            }
            for (int pair = 0; pair < 2; pair++) {
                query.setTimestamp(i++, Jdbc.timestamp(from));
                query.setTimestamp(i++, Jdbc.timestamp(to));
            }
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    Set<Holding> holdings = BreachHoldings.subject(subjects, rows.getString(1)).holdings();
                    for (CrmDisclosures.Disclosure d : disclosures.of(rows.getString(2), rows.getString(3))) {
                        holdings.add(new Holding(d.category(), Holding.Source.CRM, d.tokensOnly()));
                    }
                }
            }
        }
    }
}
