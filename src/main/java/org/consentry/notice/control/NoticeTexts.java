package org.consentry.notice.control;

import java.util.Locale;
import java.util.ResourceBundle;

/** The fixed sentences of the notice, per language (texts_pl.properties, texts_en.properties). */
public final class NoticeTexts {

    private final ResourceBundle bundle;

    private NoticeTexts(ResourceBundle bundle) {
        this.bundle = bundle;
    }

    public static NoticeTexts of(String language) {
        return new NoticeTexts(ResourceBundle.getBundle("org.consentry.notice.control.texts", Locale.forLanguageTag(language),
                NoticeTexts.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)));
    }

    public String get(String key) {
        return bundle.getString(key);
    }

    public String format(String key, Object... arguments) {
        return String.format(Locale.ROOT, get(key), arguments);
    }
}
