package org.consentry.install;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

/**
 * Security review, issue 14, finding 11 (supply chain): the release zip carries a CycloneDX SBOM of the
 * WAR's runtime libraries, each with its version and package URL, and nothing of the build, the tests or
 * the server (provided). Read from the zip that `mvn package` built; no server needed.
 */
class SupplyChainSbomIT {

    @Test
    void theReleaseZipCarriesAnSbomOfEveryLibraryInTheWar() throws Exception {
        Path zipPath = Path.of(System.getProperty("consentry.plugin.zip", "target/consentry-plugin.zip"));
        assertTrue(Files.isRegularFile(zipPath), "no release artifact at " + zipPath + ": mvn package builds it");
        try (ZipFile zip = new ZipFile(zipPath.toFile())) {
            ZipEntry sbom = zip.getEntry("bom.json");
            assertNotNull(sbom, "the release zip holds no bom.json: " + zip.stream().map(ZipEntry::getName).toList());
            JsonObject bom;
            try (JsonReader reader = Json.createReader(zip.getInputStream(sbom))) {
                bom = reader.readObject();
            }
            assertEquals("CycloneDX", bom.getString("bomFormat"));
            Map<String, JsonObject> byPurl = bom.getJsonArray("components").getValuesAs(JsonObject.class).stream()
                    .collect(Collectors.toMap(c -> c.getString("purl"), Function.identity(), (a, b) -> a));

            List<String> libraries = libraries(zip);
            assertTrue(libraries.stream().anyMatch(l -> l.startsWith("tink-")), libraries::toString);
            assertTrue(libraries.stream().anyMatch(l -> l.startsWith("flyway-core-")), libraries::toString);
            for (String jar : libraries) {
                JsonObject component = byPurl.values().stream()
                        .filter(c -> jar.equals(c.getString("name") + "-" + c.getString("version") + ".jar"))
                        .findFirst().orElse(null);
                assertNotNull(component, "WEB-INF/lib/" + jar + " is not in the SBOM");
                String purl = component.getString("purl");
                assertTrue(purl.startsWith("pkg:maven/" + component.getString("group") + "/" + component.getString("name")
                        + "@" + component.getString("version")), purl);
                assertFalse(component.getJsonArray("hashes").isEmpty(), purl + " has no hash");
            }
            for (String notShipped : List.of("junit", "arquillian", "selenium", "jakarta.jakartaee-api", "derby", "postgresql")) {
                assertTrue(byPurl.keySet().stream().noneMatch(p -> p.contains("/" + notShipped)),
                        notShipped + " is not in the WAR, so not in its SBOM");
            }
            assertEquals(libraries.size(), byPurl.size(), "the SBOM lists the WAR's libraries, no more: " + byPurl.keySet());
        }
    }

    /** The jars in the zip's WAR (apps/consentry.war, WEB-INF/lib). */
    private static List<String> libraries(ZipFile zip) throws Exception {
        ZipEntry war = zip.getEntry("apps/consentry.war");
        assertNotNull(war, "the zip holds the WAR");
        List<String> jars = new ArrayList<>();
        try (InputStream in = zip.getInputStream(war); ZipInputStream entries = new ZipInputStream(in)) {
            for (ZipEntry e; (e = entries.getNextEntry()) != null; ) {
                if (e.getName().startsWith("WEB-INF/lib/") && e.getName().endsWith(".jar")) {
                    jars.add(e.getName().substring("WEB-INF/lib/".length()));
                }
            }
        }
        return jars;
    }
}
