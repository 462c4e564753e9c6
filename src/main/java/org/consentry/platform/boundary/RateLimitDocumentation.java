package org.consentry.platform.boundary;

import java.lang.reflect.Method;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Documents the RateLimit header fields on the operations of {@link RateLimited} methods: each 2xx response
 * and the 429 response, where the operation has them (it adds no response), get RateLimit and
 * RateLimit-Policy, described with the policy's name and configuration keys.
 */
public final class RateLimitDocumentation {

    private RateLimitDocumentation() {
    }

    public static void document(Operation operation, Method method) {
        RateLimited limited = method == null ? null : method.getAnnotation(RateLimited.class);
        if (limited == null || operation.getResponses() == null || operation.getResponses().getAPIResponses() == null) {
            return;
        }
        String policy = limited.value();
        for (Map.Entry<String, APIResponse> response : operation.getResponses().getAPIResponses().entrySet()) {
            String status = response.getKey();
            if (response.getValue() != null && (status.startsWith("2") || status.equals("429"))) {
                response.getValue().addHeader(RateLimitFields.POLICY, header(policyDescription(policy)));
                response.getValue().addHeader(RateLimitFields.REMAINING, header(remainingDescription(policy)));
            }
        }
    }

    static String policyDescription(String policy) {
        return "The \"" + policy + "\" policy: quota q per window w seconds, as configured by " + keys(policy)
                + ". Example: \"" + policy + "\";q=20;w=600. Structured field (RFC 8941), " + RateLimitFields.DRAFT + ".";
    }

    static String remainingDescription(String policy) {
        return "What is left of the caller's \"" + policy + "\" quota (" + keys(policy) + "): r requests, and t seconds"
                + " until the quota is full again; on 429 r=0 and t equals Retry-After. Example: \"" + policy
                + "\";r=19;t=30. Structured field (RFC 8941), " + RateLimitFields.DRAFT + ". Present where the policy"
                + " applied to the call (at a bot platform's endpoint: the calls that hand a conversation over).";
    }

    private static String keys(String policy) {
        return "consentry." + policy + ".limit per consentry." + policy + ".window";
    }

    private static Header header(String description) {
        return OASFactory.createHeader().description(description)
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING));
    }
}
