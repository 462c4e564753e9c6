package org.consentry.compliance.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import org.consentry.compliance.control.RecordsOfProcessing;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** GDPR Art. 30: the record of processing activities, generated from the code and configuration. */
@Path("records-of-processing")
@RequestScoped
@RolesAllowed("admin")
@Tag(name = "compliance", description = "Evidence for the data-protection officer (GDPR Art. 30, 33, 34; AI Act Art. 50)")
public class RecordsOfProcessingResource {

    @Inject
    RecordsOfProcessing records;

    @GET
    @Produces("application/json;qs=1")
    @Transactional
    @Operation(summary = "The record of processing activities (GDPR Art. 30(1))",
            description = "Purposes with lawful basis, categories, recipients and the operations their consent guards; "
                    + "retention in force; where each category is stored (from the entities' annotations); security "
                    + "measures; gaps to close. Ask for text/html for a printable page.")
    public RecordsOfProcessing.Record json(@QueryParam("lang") @DefaultValue("en")
                                           @Pattern(regexp = "pl|en", message = "must be pl or en") String lang) {
        return records.in(lang);
    }

    @GET
    @Produces("text/html;qs=0.9")
    @Transactional
    @Operation(summary = "The record of processing activities as a printable page")
    public String html(@QueryParam("lang") @DefaultValue("en") @Pattern(regexp = "pl|en", message = "must be pl or en") String lang) {
        return RecordPage.of(records.in(lang));
    }
}
