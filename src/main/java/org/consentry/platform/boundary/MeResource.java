package org.consentry.platform.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.consentry.platform.control.Caller;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("me")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
@RolesAllowed({"bot", "agent", "admin"})
@Tag(name = "platform", description = "The API itself")
public class MeResource {

    @Inject
    Caller caller;

    /** Who is signed in and in which roles (the console shows the pages those roles may use). */
    public record Me(String user, List<String> roles) {
    }

    @GET
    @Operation(summary = "The caller and their roles")
    public Me me() {
        return new Me(caller.name(), List.of("admin", "agent", "bot").stream().filter(caller::isInRole).toList());
    }
}
