package org.consentry.platform.boundary;

import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * A page's bound in the response (OWASP API 2023, API4, for the client's side): an operation that answers
 * a list of at most {@code limit} items, where {@code limit} is a query parameter with a maximum, says so
 * with the list's maxItems. Lists inside a response record state their bound with @Schema(maxItems).
 */
final class PageBounds {

    private PageBounds() {
    }

    static void bound(Operation operation) {
        if (operation.getParameters() == null || operation.getResponses() == null) {
            return;
        }
        Parameter limit = operation.getParameters().stream()
                .filter(p -> p.getIn() == Parameter.In.QUERY && "limit".equals(p.getName()))
                .filter(p -> p.getSchema() != null && p.getSchema().getMaximum() != null)
                .findFirst().orElse(null);
        APIResponse ok = operation.getResponses().getAPIResponse("200");
        if (limit == null || ok == null || ok.getContent() == null) {
            return;
        }
        for (MediaType media : ok.getContent().getMediaTypes().values()) {
            Schema list = media.getSchema();
            if (list != null && list.getType() != null && list.getType().contains(Schema.SchemaType.ARRAY) && list.getMaxItems() == null) {
                list.setMaxItems(limit.getSchema().getMaximum().intValueExact());
                list.setDescription((list.getDescription() == null ? "" : list.getDescription() + " ")
                        + "At most limit items.");
            }
        }
    }
}
