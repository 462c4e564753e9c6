package org.consentry.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;

/**
 * Holds the migrations to the upgrade policy (expand, then contract one release later), which readiness
 * relies on: every release records itself in {@code schema_release}; a release whose oldest served code
 * is the release before it (a rolling upgrade) contracts nothing that code may still use. A statement
 * that removes or tightens (drops a table or column, renames, makes a column NOT NULL, changes a type,
 * adds a constraint to a table that exists) must say on the line before it
 * {@code -- contract: safe since <release> (why)}, naming a release no newer than the oldest code served: from
 * that release on, the code no longer uses what is removed, or always writes what is tightened.
 */
class MigrationPolicyTest {

    static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
    static final Pattern FILE = Pattern.compile("V(\\d+(?:_\\d+)*)__.+\\.sql");
    static final Pattern RELEASE_ROW = Pattern.compile("INSERT INTO schema_release \\(release_version, first_migration,"
            + " oldest_code\\) VALUES \\('([\\d.]+)', (\\d+), '([\\d.]+)'\\)");
    static final Pattern CONTRACT = Pattern.compile("(?i)\\bDROP\\s+(TABLE|COLUMN|VIEW)\\b|\\bALTER\\s+TABLE\\s+\\S+\\s+DROP\\s+(?!CONSTRAINT|NOT\\s+NULL)\\w+"
            + "|\\bRENAME\\b|\\bSET\\s+NOT\\s+NULL\\b|\\$\\{set_not_null\\}|\\bALTER\\s+COLUMN\\s+\\S+\\s+NOT\\s+NULL\\b|\\bALTER\\s+COLUMN\\s+\\S+\\s+(SET\\s+DATA\\s+)?TYPE\\b"
            + "|\\bALTER\\s+TABLE\\s+\\S+\\s+ADD\\s+(CONSTRAINT|CHECK|UNIQUE|FOREIGN|PRIMARY)\\b"
            + "|\\bADD\\s+(COLUMN\\s+)?(?![^,;]*\\bDEFAULT\\b)\\S+\\s+[^,;]*\\bNOT\\s+NULL\\b");
    static final Pattern ANNOTATION = Pattern.compile("--\\s*contract:\\s*safe since ([\\d.]+)");

    record Release(String version, int firstMigration, String oldestCode) {
    }

    @Test
    void everyReleaseRecordsItselfAndThisBuildsReleaseIsAmongThem() throws IOException {
        Map<MigrationVersion, String> migrations = migrations();
        List<Release> releases = releases(migrations);
        assertTrue(releases.stream().anyMatch(r -> r.version().equals(SchemaPolicy.ofThisBuild().codeRelease())),
                () -> "no migration records this build's release " + SchemaPolicy.ofThisBuild().codeRelease()
                        + " in schema_release: " + releases);
        assertEquals(1, releases.get(0).firstMigration(), "the first release starts at the first migration");
        for (int i = 1; i < releases.size(); i++) {
            assertTrue(SchemaPolicy.newer(releases.get(i).version(), releases.get(i - 1).version())
                    && releases.get(i).firstMigration() > releases.get(i - 1).firstMigration(), () -> "releases out of order: " + releases);
        }
    }

    @Test
    void aRollingReleaseContractsOnlyWhatItsOldestServedCodeNoLongerUses() throws IOException {
        Map<MigrationVersion, String> migrations = migrations();
        List<Release> releases = releases(migrations);
        List<String> violations = new ArrayList<>();
        migrations.forEach((version, sql) -> {
            Release release = releaseOf(releases, version);
            if (release.oldestCode().equals(release.version())) {
                return; // a release that breaks the one before it: no rolling upgrade, nothing to hold
            }
            String previous = "";
            for (String line : sql.split("\n")) {
                String code = line.replaceAll("--.*", "");
                if (CONTRACT.matcher(code).find() && !allowed(previous, release)) {
                    violations.add("V" + version + ": " + line.strip());
                }
                if (!line.isBlank()) {
                    previous = line;
                }
            }
        });
        assertEquals(List.of(), violations, "statements that contract what the release before still uses");
    }

    @Test
    void theCheckSeesAContractAndItsAnnotation() {
        assertTrue(CONTRACT.matcher("ALTER TABLE escalation DROP COLUMN bot_name;").find());
        assertTrue(CONTRACT.matcher("ALTER TABLE escalation ALTER COLUMN owner SET NOT NULL;").find());
        assertTrue(CONTRACT.matcher("ALTER TABLE escalation ADD COLUMN owner VARCHAR(64) NOT NULL;").find());
        assertTrue(CONTRACT.matcher("DROP TABLE outbox_trace;").find());
        assertTrue(CONTRACT.matcher("ALTER TABLE escalation ALTER COLUMN handed_off_by ${set_not_null};").find());
        assertTrue(CONTRACT.matcher("ALTER TABLE a ADD CONSTRAINT a_b FOREIGN KEY (b) REFERENCES b (id);").find());
        assertTrue(!CONTRACT.matcher("ALTER TABLE escalation ADD COLUMN owner VARCHAR(64) DEFAULT 'bot' NOT NULL;").find());
        assertTrue(!CONTRACT.matcher("ALTER TABLE escalation ADD COLUMN owner VARCHAR(64);").find());
        assertTrue(CONTRACT.matcher("ALTER TABLE escalation ALTER COLUMN owner SET DATA TYPE VARCHAR(128);").find());
        assertTrue(!CONTRACT.matcher("CREATE TABLE t (type VARCHAR(20) NOT NULL, kind VARCHAR(8));").find());
        assertTrue(!CONTRACT.matcher("CREATE INDEX escalation_owner ON escalation (owner);").find());
        Release rolling = new Release("0.3", 30, "0.2");
        assertTrue(allowed("-- contract: safe since 0.2 (nothing reads bot_name)", rolling));
        assertTrue(!allowed("-- contract: safe since 0.3 (nothing reads bot_name)", rolling), "0.2 code still runs: it may use it");
        assertTrue(!allowed("-- dropping it", rolling));
    }

    static boolean allowed(String lineBefore, Release release) {
        Matcher m = ANNOTATION.matcher(lineBefore);
        return m.find() && !SchemaPolicy.newer(SchemaPolicy.release(m.group(1)), release.oldestCode());
    }

    static Release releaseOf(List<Release> releases, MigrationVersion migration) {
        Release of = releases.get(0);
        for (Release r : releases) {
            if (!MigrationVersion.fromVersion(String.valueOf(r.firstMigration())).isNewerThan(migration)) {
                of = r;
            }
        }
        return of;
    }

    static List<Release> releases(Map<MigrationVersion, String> migrations) {
        List<Release> releases = new ArrayList<>();
        migrations.values().forEach(sql -> {
            Matcher m = RELEASE_ROW.matcher(sql);
            while (m.find()) {
                releases.add(new Release(m.group(1), Integer.parseInt(m.group(2)), m.group(3)));
            }
        });
        releases.sort((a, b) -> Integer.compare(a.firstMigration(), b.firstMigration()));
        assertTrue(!releases.isEmpty(), "no release recorded in schema_release");
        return releases;
    }

    static Map<MigrationVersion, String> migrations() throws IOException {
        Map<MigrationVersion, String> byVersion = new TreeMap<>();
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            for (Path file : files.toList()) {
                Matcher m = FILE.matcher(file.getFileName().toString());
                if (m.matches()) {
                    byVersion.put(MigrationVersion.fromVersion(m.group(1)), Files.readString(file, StandardCharsets.UTF_8));
                }
            }
        }
        return byVersion;
    }
}
