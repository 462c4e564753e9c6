package org.consentry.crmsync.connector.zendesk;

import static org.consentry.platform.entity.JsonProviders.JSON;

import jakarta.json.JsonObject;
import java.util.Optional;
import org.consentry.crmsync.entity.CrmRecord;

/**
 * Erasure the way Zendesk documents it for GDPR: delete the user (a soft delete), then permanently
 * delete the deleted user. Before the first step the user is renamed to a marker naming the delivery,
 * so that an attempt repeated after the soft delete (when the user no longer answers to its external
 * id) still finds the deleted user and finishes the job. No user and no marked deleted user: already
 * gone, which counts as done.
 */
final class ZendeskErasure {

    static final String DELETED_USERS = "/deleted_users";
    /** How many pages of deleted users a repeated attempt looks through for its marker. */
    private static final int PAGES = 20;

    private ZendeskErasure() {
    }

    /** Whether a user was found to erase (false: already gone). */
    static boolean erase(ZendeskApi api, CrmRecord record) {
        String marker = marker(record);
        Optional<JsonObject> user = ZendeskUsers.find(api, record.subjectId());
        if (user.isPresent()) {
            long id = user.get().getJsonNumber("id").longValueExact();
            api.put(ZendeskUsers.USERS + "/" + id, ZendeskUsers.USERS + "/{user_id}",
                    JSON.createObjectBuilder().add("user", JSON.createObjectBuilder().add("name", marker)).build());
            api.delete(ZendeskUsers.USERS + "/" + id, ZendeskUsers.USERS + "/{user_id}");
            permanently(api, id);
            return true;
        }
        Optional<Long> deleted = deletedUser(api, marker);
        deleted.ifPresent(id -> permanently(api, id));
        return deleted.isPresent();
    }

    static String marker(CrmRecord record) {
        return "Erasure " + record.deliveryId();
    }

    private static void permanently(ZendeskApi api, long id) {
        api.delete(DELETED_USERS + "/" + id, DELETED_USERS + "/{deleted_user_id}");
    }

    /** A soft-deleted user an earlier attempt marked, not yet permanently deleted. */
    private static Optional<Long> deletedUser(ZendeskApi api, String marker) {
        String page = DELETED_USERS;
        for (int i = 0; i < PAGES && page != null; i++) {
            JsonObject answer = api.get(page, DELETED_USERS);
            Optional<Long> found = answer.getJsonArray("deleted_users").getValuesAs(JsonObject.class).stream()
                    .filter(u -> marker.equals(u.getString("name", null)))
                    .map(u -> u.getJsonNumber("id").longValueExact()).findFirst();
            if (found.isPresent()) {
                return found;
            }
            page = next(answer.getString("next_page", null));
        }
        return Optional.empty();
    }

    /** The next page's path below /api/v2, from Zendesk's absolute next_page URL. */
    private static String next(String url) {
        if (url == null) {
            return null;
        }
        int at = url.indexOf("/api/v2" + DELETED_USERS);
        return at < 0 ? null : url.substring(at + "/api/v2".length());
    }
}
