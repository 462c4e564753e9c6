package org.consentry.crypto.boundary;

import java.util.List;
import java.util.Map;

/** The state of the keys: which KEK version is primary, which the keystore holds, how many data keys each wraps. */
public record KeysView(int primaryVersion, List<Integer> keystoreVersions, Map<Integer, Long> dataKeysByKekVersion,
                       boolean developmentKeys, List<KeyRotationView> rotations) {
}
