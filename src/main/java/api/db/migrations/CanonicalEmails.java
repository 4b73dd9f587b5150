package api.db.migrations;

import api.db.CanonicalEmail;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Migration 015's Java half, since no database here has NFKC: every stored email becomes its canonical form, and the
 * spelling the user typed moves to {@code display_email}.
 */
final class CanonicalEmails implements JavaStep {
    static final String MIGRATION = "015_canonical_emails_signup_counts";
    private static final int MAX_CHARS = 255;

    private record Change(long id, String email, String canonical) {}

    @Override
    public void before(Connection connection) throws SQLException {
        changes(connection);
    }

    @Override
    public void after(Connection connection) throws SQLException {
        List<Change> changes = changes(connection);
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false); // every row or none
        try (PreparedStatement update =
                connection.prepareStatement("UPDATE users SET display_email = ?, email = ? WHERE id = ?")) {
            for (Change change : changes) {
                update.setString(1, change.email());
                update.setString(2, change.canonical());
                update.setLong(3, change.id());
                update.addBatch();
            }
            update.executeBatch();
            connection.commit();
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    /** The rows whose email is not yet canonical; refuses two users that would become one address. */
    private static List<Change> changes(Connection connection) throws SQLException {
        Map<String, Long> owners = new HashMap<>();
        List<Change> changes = new ArrayList<>();
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery("SELECT id, email FROM users ORDER BY id")) {
            while (rs.next()) {
                long id = rs.getLong(1);
                String email = rs.getString(2);
                String canonical = CanonicalEmail.of(email);
                Long other = owners.putIfAbsent(canonical, id);
                if (other != null) {
                    throw new MigrationException("Migration " + MIGRATION + " stopped: users " + other + " and " + id
                            + " have emails that are one address once compared as NFKC, lower case, trimmed;"
                            + " change or merge one of them, then migrate again (nothing was changed)");
                }
                if (canonical.length() > MAX_CHARS) {
                    throw new MigrationException("Migration " + MIGRATION + " stopped: user " + id
                            + "'s email is longer than " + MAX_CHARS + " characters once canonical;"
                            + " shorten it, then migrate again (nothing was changed)");
                }
                if (!canonical.equals(email)) {
                    changes.add(new Change(id, email, canonical));
                }
            }
        }
        return changes;
    }
}
