package org.consentry.notice.boundary;

import jakarta.validation.constraints.Size;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import org.consentry.notice.control.PrivacyNotice;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("privacy-notice")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
@PermitAll
@Tag(name = "privacy-notice", description = "What the customer is told (GDPR Art. 12-14, AI Act Art. 50)")
public class PrivacyNoticeResource {

    @Inject
    PrivacyNotice notice;

    @GET
    @Operation(summary = "The privacy notice in Polish or English",
            description = "Purposes with their lawful basis, data categories with their retention, the data subject's "
                    + "rights and the AI disclosure. Without lang, the Accept-Language header decides (default en).")
    public Response get(@QueryParam("lang") @Pattern(regexp = "pl|en", message = "must be pl or en") String lang,
                        @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) @Size(max = 1024) String acceptLanguage) {
        String language = lang != null ? lang : preferred(acceptLanguage);
        CacheControl cache = new CacheControl();
        cache.setMaxAge(300);
        return Response.ok(notice.in(language)).cacheControl(cache)
                .header(HttpHeaders.CONTENT_LANGUAGE, language).header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE)
                .build();
    }

    static String preferred(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return "en";
        }
        try {
            Locale best = Locale.lookup(Locale.LanguageRange.parse(acceptLanguage),
                    PrivacyNotice.LANGUAGES.stream().map(Locale::forLanguageTag).toList());
            return best == null ? "en" : best.getLanguage();
        } catch (IllegalArgumentException e) {
            return "en";
        }
    }
}
