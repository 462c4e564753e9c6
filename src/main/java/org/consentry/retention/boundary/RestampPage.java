package org.consentry.retention.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import org.consentry.retention.control.RestampPages;
import org.consentry.retention.entity.RetainedTable;
import org.consentry.retention.entity.RetentionPolicy;

/** The steps of a re-stamp (see Restamping), each in a transaction of its own: one page, the pass marked done. */
@ApplicationScoped
public class RestampPage {

    @Inject
    RestampPages pages;

    /** One page after {@code after}; its {@code last} is null when it was the final one. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public RestampPages.Page page(RetainedTable table, RetentionPolicy policy, Object after, boolean onlyUnstamped) {
        return pages.page(table, policy, after, onlyUnstamped);
    }

    /** The re-stamp for the change made at {@code version} is complete (a newer change keeps its mark). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void done(String category, Instant version) {
        pages.done(category, version);
    }
}
