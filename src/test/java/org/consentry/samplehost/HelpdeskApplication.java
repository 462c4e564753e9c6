package org.consentry.samplehost;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** A small helpdesk of its own, the host application the client jar's tests deploy beside Consentry. */
@ApplicationPath("api")
public class HelpdeskApplication extends Application {
}
