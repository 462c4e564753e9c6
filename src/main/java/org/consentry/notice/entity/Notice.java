package org.consentry.notice.entity;

import java.util.List;

/** The privacy notice in one language. */
public record Notice(String language, String title, Controller controller, String aiDisclosure, String humanAgent,
                     List<PurposeNotice> purposes, List<CategoryNotice> dataCategories, List<Right> rights,
                     String security) {

    public record Controller(String name, String contact) {
    }
}
