package org.consentry.platform.boundary;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.consentry.platform.control.ProblemType;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * Every problem type the API answers with, for the OpenAPI document: the Problem schema lists them
 * (x-problem-types: type URI, status, title). The list is a resource of the WAR, because the types are
 * constants of every component and the documentation sits in the lowest one; ProblemCatalogueTest walks
 * the compiled classes and fails when the resource and the code differ.
 */
final class ProblemCatalogue {

    static final String RESOURCE = "META-INF/consentry/problem-types.tsv";

    private ProblemCatalogue() {
    }

    /** The catalogue: slug, status and title of each type, in the resource's order. */
    static List<ProblemType> entries() {
        try (InputStream in = ProblemCatalogue.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the WAR");
            }
            List<ProblemType> types = new ArrayList<>();
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    String[] fields = line.split("\t", 3);
                    types.add(new ProblemType(fields[0], Integer.parseInt(fields[1]), fields[2]));
                }
            }
            return types;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The RFC 9457 problem schema, its type URIs listed. */
    static Schema problemSchema() {
        Schema string = OASFactory.createSchema().addType(Schema.SchemaType.STRING).maxLength(2000);
        List<Object> listed = new ArrayList<>();
        for (ProblemType type : entries()) {
            listed.add(Map.of("type", type.type().toString(), "status", type.status(), "title", type.title()));
        }
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("RFC 9457 problem details. type is a stable tag URI; match on its last segment. The types"
                        + " this API answers with are listed in x-problem-types; besides them, http-<status> for a"
                        + " status the container answers on its own.")
                .properties(Map.of(
                        "type", OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("uri").maxLength(200),
                        "title", string,
                        "status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).minimum(java.math.BigDecimal.valueOf(400))
                                .maximum(java.math.BigDecimal.valueOf(599)),
                        "detail", string,
                        "errors", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY)
                                .items(OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                                        .properties(Map.of("field", string, "message", string)))))
                .required(List.of("type", "title", "status", "detail"))
                .addExtension("x-problem-types", listed);
    }
}
