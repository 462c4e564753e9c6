package org.consentry.platform.control;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flywaydb.core.api.MigrationVersion;

/**
 * The rolling-upgrade policy, expand then contract (docs/operator-guide.md, "Rolling upgrades"): a
 * release's migrations only add to the schema, so servers of the release before keep running on it while
 * the new release rolls out; what the new code stopped using is dropped one release later. Each release
 * records, in {@code schema_release}, the oldest release whose code still runs on its schema. This code
 * serves a schema when it is at least that release: one release behind, it stays ready on a schema one
 * release ahead; further behind, or behind a release that contracted what it still uses, it is not.
 * Releases compare by major.minor (a patch release never changes the schema).
 */
public final class SchemaPolicy {

    // unquoted: the migration created the table unquoted (upper case on Derby, lower case on PostgreSQL);
    // only Flyway's own history table has quoted lower-case names
    static final String NEWEST = "SELECT release_version, oldest_code FROM schema_release";
    private static final Pattern RELEASE = Pattern.compile("(\\d{1,4})\\.(\\d{1,4})(?:[.-].*)?");

    /** What the schema asks of the code, and whether this code meets it. */
    public record Verdict(String codeRelease, String schemaRelease, String oldestCode, boolean serves) {
    }

    private final String codeRelease;

    public SchemaPolicy(String codeRelease) {
        this.codeRelease = release(codeRelease);
    }

    /** The policy of this build: its release from META-INF/consentry/release.properties. */
    public static SchemaPolicy ofThisBuild() {
        Properties release = new Properties();
        try (InputStream in = SchemaPolicy.class.getClassLoader().getResourceAsStream("META-INF/consentry/release.properties")) {
            if (in == null) {
                throw new IllegalStateException("META-INF/consentry/release.properties is missing from the application");
            }
            release.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new SchemaPolicy(release.getProperty("version", ""));
    }

    /** The major.minor of a version such as 0.2.0-SNAPSHOT; a version of another shape is refused. */
    static String release(String version) {
        Matcher m = RELEASE.matcher(version == null ? "" : version.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("Not a release version (major.minor[.patch][-qualifier]): '" + version + "'");
        }
        return Integer.parseInt(m.group(1)) + "." + Integer.parseInt(m.group(2));
    }

    public String codeRelease() {
        return codeRelease;
    }

    /** Reads the newest release recorded in the schema and judges this code against it. */
    public Verdict judge(Connection connection) throws SQLException {
        String schemaRelease = null;
        String oldestCode = null;
        try (Statement query = connection.createStatement()) {
            query.setQueryTimeout(2);
            try (ResultSet rows = query.executeQuery(NEWEST)) {
                while (rows.next()) {
                    String recorded = release(rows.getString(1));
                    if (schemaRelease == null || newer(recorded, schemaRelease)) {
                        schemaRelease = recorded;
                        oldestCode = release(rows.getString(2));
                    }
                }
            }
        }
        if (schemaRelease == null) {
            return new Verdict(codeRelease, "none", "unknown", false);
        }
        return judge(schemaRelease, oldestCode);
    }

    /** This code serves a schema of {@code schemaRelease} when it is not older than {@code oldestCode}. */
    public Verdict judge(String schemaRelease, String oldestCode) {
        return new Verdict(codeRelease, schemaRelease, oldestCode, !newer(oldestCode, codeRelease));
    }

    static boolean newer(String release, String than) {
        return MigrationVersion.fromVersion(release).isNewerThan(MigrationVersion.fromVersion(than));
    }
}
