package org.consentry;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.consentry.testing.Components;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The house's layering, held on the compiled main classes (every dependency ArchUnit sees: imports, fields,
 * signatures, annotations, calls). The component order comes from architecture/components.properties, the
 * map the integration tests deploy by; docs/architecture.md explains both.
 */
class ArchitectureTest {

    private static final String ROOT = "org.consentry.";

    private static JavaClasses classes;
    private static final Components MAP = Components.map();

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS).importPackages("org.consentry");
    }

    @Test
    void everyComponentIsOnTheMap() {
        Set<String> found = new TreeSet<>();
        for (JavaClass c : classes) {
            Place.of(c).ifPresent(p -> found.add(p.component()));
        }
        found.remove("client");
        assertEquals(new TreeSet<>(MAP.names()), found, "architecture/components.properties names every component");
    }

    @Test
    void aComponentUsesOnlyTheComponentsBelowIt() {
        assertNone(violations((from, to) -> !from.component().equals(to.component())
                && !MAP.below(from.component()).contains(to.component()),
                "uses a component that is not below it on the map"));
    }

    @Test
    void anEntityKnowsNoControlAndAControlNoBoundary() {
        assertNone(violations((from, to) -> from.rank() < to.rank(), "reaches up a layer"));
    }

    /**
     * The controls that open a transaction of their own, each for the reason platform/control/package-info.java
     * gives (their callers are controls or listeners during a flush); every other demarcation is a boundary's.
     * OutboxLeases is the one left to move (its callers are the outbox's boundary beans).
     */
    private static final Set<String> TRANSACTIONAL_CONTROLS = Set.of("org.consentry.audit.control.AuditTrail",
            "org.consentry.crypto.control.SubjectKeyStore", "org.consentry.retention.control.PolicyStore",
            "org.consentry.retention.control.JobLock", "org.consentry.platform.control.RateLimits",
            "org.consentry.outbox.control.OutboxLeases");

    @Test
    void aControlOpensNoTransactionButTheNamedOnes() {
        List<String> found = new ArrayList<>();
        for (JavaClass c : classes) {
            boolean control = Place.of(c).map(p -> p.layer().equals("control")).orElse(false);
            boolean transactional = c.isAnnotatedWith(Transactional.class)
                    || c.getMethods().stream().anyMatch(m -> m.isAnnotatedWith(Transactional.class));
            if (control && transactional && !TRANSACTIONAL_CONTROLS.contains(c.getName())) {
                found.add(c.getName() + " is a control with @Transactional: demarcate in a boundary bean");
            }
        }
        assertNone(found);
    }

    @Test
    void onlyAVendorsOwnPackageKnowsIt() {
        assertNone(violations((from, to) -> to.vendor() != null && !to.vendor().equals(from.vendor())
                && !(from.layer().equals("desk") && to.layer().equals("adapter")),
                "reaches into a vendor's package (vendors are found through their SPI)"));
    }

    @Test
    void theClientJarStandsAlone() {
        assertNone(violations((from, to) -> from.component().equals("client") != to.component().equals("client"),
                "crosses between the host's client jar and the WAR"));
    }

    @Test
    void noCycleBetweenPackages() {
        slices().matching("org.consentry.(**)").should().beFreeOfCycles().check(classes);
    }

    @Test
    void theMapHasNoCycleAndOnlyKnownComponents() {
        for (String component : MAP.names()) {
            Set<String> reached = MAP.withWhatTheyUse(MAP.directlyUsed(component).toArray(String[]::new));
            assertTrue(!reached.contains(component), component + " uses itself through the map");
            MAP.directlyUsed(component).forEach(MAP::directlyUsed);
        }
    }

    private interface Rule {
        boolean broken(Place from, Place to);
    }

    private static List<String> violations(Rule rule, String what) {
        List<String> found = new ArrayList<>();
        for (JavaClass c : classes) {
            Optional<Place> from = Place.of(c);
            if (from.isEmpty()) {
                continue;
            }
            for (Dependency d : c.getDirectDependenciesFromSelf()) {
                Optional<Place> to = Place.of(d.getTargetClass());
                if (to.isPresent() && rule.broken(from.get(), to.get())) {
                    found.add(c.getName() + " " + what + ": " + d.getDescription());
                }
            }
        }
        return found.stream().distinct().sorted().toList();
    }

    private static void assertNone(List<String> violations) {
        assertTrue(violations.isEmpty(), () -> violations.size() + " violations:\n" + String.join("\n", violations));
    }

    /** Where a class sits: its component, its layer, and the vendor package it belongs to, if any. */
    private record Place(String component, String layer, String vendor) {

        /** entity, control, connector (a CRM's vendor package), boundary, adapter (a bot platform's), desk. */
        private static final List<String> LAYERS = List.of("entity", "control", "connector", "boundary", "adapter", "desk");

        static Optional<Place> of(JavaClass c) {
            String name = c.getBaseComponentType().getPackageName();
            if (!name.startsWith(ROOT)) {
                return Optional.empty();
            }
            String[] parts = name.substring(ROOT.length()).split("\\.");
            String layer = parts.length > 1 && LAYERS.contains(parts[1]) ? parts[1] : "";
            String vendor = parts.length > 2 && !layer.isEmpty() ? parts[0] + "." + layer + "." + parts[2] : null;
            return Optional.of(new Place(parts[0], layer, vendor));
        }

        /** The layer's height: a class may depend only on layers at or below its own (the connector beside control). */
        int rank() {
            return switch (layer) {
                case "entity" -> 0;
                case "control", "connector" -> 1;
                case "boundary" -> 2;
                case "adapter", "desk" -> 3;
                default -> component.equals("client") ? 0 : 3;
            };
        }
    }
}
