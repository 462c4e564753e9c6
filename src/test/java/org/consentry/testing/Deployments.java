package org.consentry.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * What the integration tests deploy: the WAR that {@code mvn package} built, or one component on the
 * platform it stands on (house rule 9: an IT deploys one component), with what it may use by the component
 * map ({@link Components}).
 */
public final class Deployments {

    private static final Path CLASSES = Path.of("target", "classes");
    private static final Path WEBAPP = Path.of("src", "main", "webapp", "WEB-INF");
    private static final Path LIBS = Path.of("target", "consentry", "WEB-INF", "lib");
    private static final String CONFIG = "META-INF/microprofile-config.properties";
    private static final String ORM = "META-INF/orm.xml";
    private static final Pattern LISTENER = Pattern.compile("<entity-listener class=\"org\\.consentry\\.(\\w+)\\.");

    private Deployments() {
    }

    /** The application exactly as packaged. */
    public static WebArchive application() {
        File war = new File(System.getProperty("consentry.war", "target/consentry.war"));
        return ShrinkWrap.create(ZipImporter.class, "consentry.war").importFrom(war).as(WebArchive.class);
    }

    /**
     * The packaged application with the test helpers, for tests that run inside the server: among them
     * the MovableClock in place of the system clock, and the SubjectDataFault.
     */
    public static WebArchive applicationWithHelpers() {
        return application().addPackages(true, "org.consentry.testing");
    }

    /** The same with extra configuration. */
    public static WebArchive applicationWithHelpers(String extraConfig) {
        return application(extraConfig).addPackages(true, "org.consentry.testing");
    }

    /** The packaged application with extra configuration appended to its microprofile-config.properties. */
    public static WebArchive application(String extraConfig) {
        WebArchive war = application();
        return war.addAsResource(new StringAsset(mainConfig() + "\n" + extraConfig), CONFIG);
    }

    /**
     * The platform and the named components (org.consentry.&lt;name&gt;) with the components they use, all
     * resources and libraries.
     */
    public static WebArchive component(String archiveName, String extraConfig, String... components) {
        WebArchive war = ShrinkWrap.create(WebArchive.class, archiveName + ".war")
                .addPackages(true, "org.consentry.platform")
                .addPackage("org.consentry.testing")
                .addAsResource(new StringAsset(mainConfig() + "\n" + extraConfig), CONFIG)
                .addAsWebInfResource(WEBAPP.resolve("beans.xml").toFile(), "beans.xml")
                .addAsWebInfResource(WEBAPP.resolve("ibm-web-ext.xml").toFile(), "ibm-web-ext.xml")
                .setWebXML(WEBAPP.resolve("web.xml").toFile());
        Set<String> deployed = Components.map().withWhatTheyUse(components);
        for (String component : deployed) {
            war.addPackages(true, "org.consentry." + component);
        }
        try (Stream<Path> resources = Files.walk(CLASSES); Stream<Path> libs = Files.list(LIBS)) {
            resources.filter(Files::isRegularFile).filter(p -> !p.toString().endsWith(".class"))
                    .filter(p -> !CLASSES.relativize(p).toString().equals(CONFIG))
                    .filter(p -> !CLASSES.relativize(p).toString().equals(ORM))
                    .forEach(p -> war.addAsResource(p.toFile(), CLASSES.relativize(p).toString()));
            war.addAsResource(new StringAsset(listenersOf(deployed)), ORM);
            libs.forEach(p -> war.addAsLibrary(p.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return war;
    }

    /**
     * The application's orm.xml without the default listeners of components this deployment leaves out
     * (an audit-only deployment has no retention and no erasure listener to run, and a listener class that
     * is not there would stop the persistence unit).
     */
    static String listenersOf(Set<String> deployed) {
        try {
            return Files.readAllLines(CLASSES.resolve(ORM), StandardCharsets.UTF_8).stream().filter(line -> {
                Matcher listener = LISTENER.matcher(line);
                return !listener.find() || deployed.contains(listener.group(1));
            }).collect(Collectors.joining("\n"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String mainConfig() {
        try {
            return Files.readString(CLASSES.resolve(CONFIG), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
