package org.consentry.platform.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.consentry.consent.boundary.ConsentsResource;
import org.consentry.notice.boundary.PrivacyNoticeResource;
import org.junit.jupiter.api.Test;

/** The roles the OpenAPI document shows come from the annotations the server enforces. */
class ApiDocumentationTest {

    @RolesAllowed("admin")
    static class Sample {
        public void classLevel() {
        }

        @RolesAllowed({"bot", "agent"})
        public void methodLevel() {
        }

        @PermitAll
        public void open() {
        }
    }

    static class Bare {
        public void nothing() {
        }
    }

    @Test
    void rolesComeFromTheMethodThenTheClass() throws Exception {
        assertEquals(List.of("admin"), ApiDocumentation.roles(Sample.class.getMethod("classLevel")));
        assertEquals(List.of("bot", "agent"), ApiDocumentation.roles(Sample.class.getMethod("methodLevel")));
        assertEquals(ApiDocumentation.PUBLIC, ApiDocumentation.roles(Sample.class.getMethod("open")));
        assertEquals(ApiDocumentation.UNDECLARED, ApiDocumentation.roles(Bare.class.getMethod("nothing")));
    }

    @Test
    void operationIdsLeadBackToTheirMethods() {
        assertEquals(ConsentsResource.class, ApiDocumentation.methodOf("ConsentsResource_grant").orElseThrow().getDeclaringClass());
        assertEquals(PrivacyNoticeResource.class, ApiDocumentation.methodOf("PrivacyNoticeResource_get").orElseThrow().getDeclaringClass());
        assertEquals(true, ApiDocumentation.methodOf("NoSuchResource_get").isEmpty());
    }
}
