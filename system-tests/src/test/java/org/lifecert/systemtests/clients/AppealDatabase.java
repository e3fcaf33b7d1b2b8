package org.lifecert.systemtests.clients;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.lifecert.systemtests.stack.SystemStack;

/**
 * Read-only counts from appeal-service's database of the test stack, computed here independently of
 * the service's own queries, to check what the console shows against the data (issue #10: "the
 * dashboard's numbers equal counts computed directly from the database") and that a decision was
 * audited with what the reviewer saw.
 */
public final class AppealDatabase {

    private AppealDatabase() {
    }

    /** People of {@code bureau} per current state (table certification_record). */
    public static Map<String, Long> peopleByState(String bureau) {
        return counts("select state, count(*) from certification_record where bureau = ? group by state", bureau);
    }

    /** Certified people of {@code bureau} per channel. */
    public static Map<String, Long> certifiedByChannel(String bureau) {
        return counts("select coalesce(channel, ''), count(*) from certification_record where bureau = ? and state = 'CERTIFIED' "
                + "group by 1", bureau);
    }

    /** One audited reviewer decision: who, approved, reason and the evidence (session ids) they had seen. */
    public record Decision(String actor, String bureau, Boolean approved, String reason, String seen) {
    }

    /** The audited appeal decisions (action APPEAL_DECIDED, appeal-service's ReviewAudit) on the person, oldest first. */
    public static List<Decision> decisionsOn(UUID personId) {
        List<Decision> out = new ArrayList<>();
        query("select actor, bureau, approved, reason, cast(seen as text) from review_audit where person_id = ?::uuid "
                + "and action = 'APPEAL_DECIDED' order by at", personId.toString(), rs -> out.add(
                        new Decision(rs.getString(1), rs.getString(2), (Boolean) rs.getObject(3), rs.getString(4), rs.getString(5))));
        return out;
    }

    private static Map<String, Long> counts(String sql, String bureau) {
        Map<String, Long> out = new TreeMap<>();
        query(sql, bureau, rs -> out.put(rs.getString(1), rs.getLong(2)));
        return out;
    }

    private interface Row {
        void read(ResultSet rs) throws SQLException;
    }

    private static void query(String sql, String parameter, Row row) {
        String url = "jdbc:postgresql://127.0.0.1:" + SystemStack.get().settings().postgresPort() + "/appeal";
        try (Connection c = DriverManager.getConnection(url, "postgres", "postgres");
                PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, parameter);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    row.read(rs);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read " + url + ": " + e.getMessage(), e);
        }
    }
}
