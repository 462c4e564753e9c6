package org.consentry.host.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.consentry.host.control.HostInventory;
import org.consentry.host.entity.HostField;

/**
 * Records in the inventory (HostInventory) the fields a key request names. Each field is written once
 * per server and whenever its purpose or category changes, in a transaction of its own
 * ({@link HostFieldWrite}): two servers, or two requests, recording the same new field at once meet at
 * its primary key, and the loser's key request goes on.
 */
@ApplicationScoped
public class HostFieldsSeen {

    @Inject
    HostFieldWrite write;

    private final Set<String> known = ConcurrentHashMap.newKeySet();

    /** Records the fields not yet known here with this purpose and category. */
    public void seen(String host, String purpose, List<HostInventory.Field> fields) {
        for (HostInventory.Field field : fields) {
            String id = HostField.idOf(host, field.table(), field.column());
            if (known.contains(id + "|" + purpose + "|" + field.category())) {
                continue;
            }
            try {
                write.record(host, purpose, field);
            } catch (RuntimeException concurrent) {
                // recorded by another request or server at the same moment: theirs stands
            }
            known.add(id + "|" + purpose + "|" + field.category());
        }
    }
}
