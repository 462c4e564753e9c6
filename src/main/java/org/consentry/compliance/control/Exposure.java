package org.consentry.compliance.control;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.consentry.compliance.entity.Compromise;
import org.consentry.compliance.entity.Holding;

/**
 * The Art. 33/34 reasoning for one subject: which of its data categories the compromise exposed, and
 * whether each stayed unintelligible (Art. 34(3)(a)): sealed data is unintelligible unless the attacker
 * also holds the KEK version that wrapped the subject's data key at the time (or a server's memory,
 * where the keys and the values themselves are in clear); a value that left for the CRM only as a token
 * is unintelligible too; clear data never is.
 */
public final class Exposure {

    /** A category exposed, how, and whether it stayed unintelligible. */
    public record Category(String category, boolean unintelligible, List<String> via) {
    }

    private Exposure() {
    }

    /**
     * @param holdings     where the subject's data could be reached
     * @param keyVersions  the KEK versions that may have wrapped the subject's data key during the window
     * @param compromised  what was compromised
     */
    public static List<Category> of(Collection<Holding> holdings, Set<Integer> keyVersions, List<Compromise> compromised) {
        boolean dump = has(compromised, Compromise.Kind.DATABASE_DUMP);
        boolean memory = has(compromised, Compromise.Kind.SERVER_MEMORY);
        boolean crm = has(compromised, Compromise.Kind.CRM_CONNECTOR);
        boolean keyKnown = memory || compromised.stream().anyMatch(c -> c.kind() == Compromise.Kind.KEK_VERSION
                && keyVersions.contains(c.version()));
        Map<String, Category> byCategory = new TreeMap<>();
        for (Holding h : holdings) {
            boolean reached = switch (h.source()) {
                case DATABASE -> dump;
                case MEMORY -> memory;
                case CRM -> crm;
            };
            if (!reached) {
                continue;
            }
            // sealed in the database: safe while the key is; tokenised on the way to the CRM: safe, the vault is here
            boolean unintelligible = h.sealed() && switch (h.source()) {
                case DATABASE -> !keyKnown;
                case CRM -> true;
                case MEMORY -> false;
            };
            String via = h.source() == Holding.Source.DATABASE ? "DATABASE_DUMP"
                    : h.source() == Holding.Source.MEMORY ? "SERVER_MEMORY" : "CRM_CONNECTOR";
            byCategory.merge(h.category(), new Category(h.category(), unintelligible, List.of(via)), Exposure::join);
        }
        return List.copyOf(byCategory.values());
    }

    private static Category join(Category a, Category b) {
        Set<String> via = new TreeSet<>(a.via());
        via.addAll(b.via());
        return new Category(a.category(), a.unintelligible() && b.unintelligible(), new ArrayList<>(via));
    }

    private static boolean has(List<Compromise> compromised, Compromise.Kind kind) {
        return compromised.stream().anyMatch(c -> c.kind() == kind);
    }
}
