package org.consentry.redaction.control;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.consentry.redaction.entity.Finding;
import org.consentry.redaction.entity.PiiType;

/**
 * The detectors' candidates of one scan, and the choice among overlapping ones. A candidate that
 * strictly contains another wins (the larger structure explains the digits: an IBAN whose middle groups
 * happen to pass as a card, an IPv6 address with an embedded IPv4 one); otherwise the priority
 * EMAIL > CARD > IBAN > PESEL > EU_VAT > NIP > PHONE > REGON > IPV6 > IPV4 decides
 * (a 9-digit number that is both a phone number and a REGON is reported as the phone number, unless the
 * word REGON stands before it: {@link NumberDetector}), then the earlier start.
 */
final class Candidates {

    /** Clusters larger than this are hostile input, resolved left to right to stay linear. */
    private static final int LARGE_CLUSTER = 64;
    private static final PiiType[] TYPES = PiiType.values();
    private static final int[] RANK = new int[TYPES.length];

    static {
        PiiType[] order = {PiiType.EMAIL, PiiType.CARD, PiiType.IBAN, PiiType.PESEL, PiiType.EU_VAT, PiiType.NIP,
                PiiType.PHONE, PiiType.REGON, PiiType.IPV6, PiiType.IPV4};
        for (int i = 0; i < order.length; i++) {
            RANK[order[i].ordinal()] = i;
        }
    }

    private int[] type = new int[16];
    private int[] start = new int[16];
    private int[] end = new int[16];
    private int size;

    void add(PiiType t, int from, int to) {
        if (size == type.length) {
            type = Arrays.copyOf(type, size * 2);
            start = Arrays.copyOf(start, size * 2);
            end = Arrays.copyOf(end, size * 2);
        }
        type[size] = t.ordinal();
        start[size] = from;
        end[size] = to;
        size++;
    }

    int size() {
        return size;
    }

    /** The chosen findings: non-overlapping, ordered by start. */
    List<Finding> resolve() {
        if (size == 0) {
            return List.of();
        }
        int[] order = byStart();
        List<Finding> chosen = new ArrayList<>(size);
        int i = 0;
        while (i < size) {
            int clusterEnd = end[order[i]];
            int j = i + 1;
            while (j < size && start[order[j]] < clusterEnd) {
                clusterEnd = Math.max(clusterEnd, end[order[j]]);
                j++;
            }
            if (j - i == 1) {
                chosen.add(finding(order[i]));
            } else if (j - i > LARGE_CLUSTER) {
                leftToRight(order, i, j, chosen);
            } else {
                choose(order, i, j, chosen);
            }
            i = j;
        }
        return chosen;
    }

    private int[] byStart() {
        // start in the high bits, the candidate's index in the low ones: one primitive sort
        long[] keys = new long[size];
        for (int k = 0; k < size; k++) {
            keys[k] = ((long) start[k] << 32) | k;
        }
        Arrays.sort(keys);
        int[] order = new int[size];
        for (int k = 0; k < size; k++) {
            order[k] = (int) keys[k];
        }
        return order;
    }

    private void choose(int[] order, int from, int to, List<Finding> chosen) {
        int m = to - from;
        boolean[] out = new boolean[m];
        for (int a = 0; a < m; a++) {
            for (int b = 0; b < m; b++) {
                if (a != b && strictlyContains(order[from + a], order[from + b])) {
                    out[b] = true;
                }
            }
        }
        boolean[] taken = new boolean[m];
        for (int round = 0; round < m; round++) {
            int best = -1;
            for (int a = 0; a < m; a++) {
                if (!out[a] && !taken[a] && (best < 0 || before(order[from + a], order[from + best]))) {
                    best = a;
                }
            }
            if (best < 0) {
                break;
            }
            taken[best] = true;
            for (int a = 0; a < m; a++) {
                if (!out[a] && !taken[a] && overlaps(order[from + a], order[from + best])) {
                    out[a] = true;
                }
            }
        }
        for (int a = 0; a < m; a++) {
            if (taken[a]) {
                chosen.add(finding(order[from + a]));
            }
        }
    }

    private void leftToRight(int[] order, int from, int to, List<Finding> chosen) {
        int reached = -1;
        for (int a = from; a < to; a++) {
            int k = order[a];
            if (start[k] >= reached) {
                chosen.add(finding(k));
                reached = end[k];
            }
        }
    }

    private boolean strictlyContains(int a, int b) {
        return start[a] <= start[b] && end[b] <= end[a] && end[a] - start[a] > end[b] - start[b];
    }

    private boolean overlaps(int a, int b) {
        return start[a] < end[b] && start[b] < end[a];
    }

    private boolean before(int a, int b) {
        int ra = RANK[type[a]];
        int rb = RANK[type[b]];
        return ra != rb ? ra < rb : start[a] < start[b];
    }

    private Finding finding(int k) {
        return new Finding(TYPES[type[k]], start[k], end[k]);
    }
}
