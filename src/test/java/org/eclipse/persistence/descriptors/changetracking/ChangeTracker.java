package org.eclipse.persistence.descriptors.changetracking;

/**
 * Stands in, in unit tests only, for the interface EclipseLink weaves into entities whose changes it tracks
 * as they are made: the client jar recognises woven entities by this name (PersonalClasses.tracksChanges).
 * Never deployed: the test archives add Consentry's and the sample host's packages only.
 */
public interface ChangeTracker {
}
