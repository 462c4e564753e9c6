package org.consentry.platform.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Valid;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Real violations from Hibernate Validator (Liberty's provider), named as the request and the document name the input. */
class ViolationFieldTest {

    public record Item(@Min(1) Integer version, @Size(max = 3) String server) {
    }

    public record Customer(@Email String email) {
    }

    public record Body(@Valid List<Item> compromised, List<@Pattern(regexp = "[a-z]+") String> subjectIds, @Valid Customer customer) {
    }

    public static class Resource {
        public void call(@QueryParam("from") @Size(max = 2) String from, @HeaderParam("Accept-Language") @Size(max = 2) String acceptLanguage,
                         @PathParam("token") @Size(max = 2) String sent, @Valid Body body) {
        }
    }

    /** As a CDI container subclasses a resource: the method again, without its annotations. */
    public static class Proxy extends Resource {
        @Override
        public void call(String from, String acceptLanguage, String sent, Body body) {
        }
    }

    static jakarta.validation.ValidatorFactory factory;
    static Validator validator;

    @BeforeAll
    static void start() {
        factory = Validation.buildDefaultValidatorFactory();
        validator = factory.getValidator();
    }

    @AfterAll
    static void stop() {
        factory.close();
    }

    @Test
    void bodyMembersArePathsWithTheIndexAfterTheList() {
        Body body = new Body(List.of(new Item(1, "ok"), new Item(0, "long")), List.of("ok", "NOT", "ok"), new Customer("not an e-mail"));
        assertEquals(Set.of("compromised[1].version", "compromised[1].server", "subjectIds[1]", "customer.email"), fields(validator.validate(body)));
    }

    @Test
    void parametersAreNamedAsTheRequestNamesThem() throws Exception {
        for (Object resource : List.of(new Resource(), new Proxy())) {
            Method call = resource.getClass().getMethod("call", String.class, String.class, String.class, Body.class);
            Body body = new Body(List.of(new Item(0, null)), List.of(), null);
            var violations = validator.forExecutables().validateParameters(resource, call, new Object[] {"abc", "abc", "abc", body});
            assertEquals(Set.of("from", "Accept-Language", "token", "compromised[0].version"), fields(violations),
                    resource.getClass().getSimpleName());
        }
    }

    private static <T> Set<String> fields(Set<ConstraintViolation<T>> violations) {
        Set<String> fields = new TreeSet<>();
        violations.forEach(v -> fields.add(ViolationField.of(v)));
        return fields;
    }
}
