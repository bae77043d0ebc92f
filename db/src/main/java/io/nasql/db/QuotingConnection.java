package io.nasql.db;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * A connection whose SQL text is rewritten before it reaches the driver: every statement the
 * user types goes through one of these on PostgreSQL (see {@link PostgresIdentifiers}). Every
 * object it hands out that can run SQL or lead back to the connection is wrapped too: statements,
 * their result sets, and {@code getConnection()} of a statement, a result set's statement or the
 * metadata all give this connection, not the driver's. Only {@code unwrap} gives the driver's own
 * object, as JDBC means it to. Result labels of names PostgreSQL folded to lower case get back
 * the statement's spelling.
 */
final class QuotingConnection {
    /** Connection and Statement methods whose first argument is SQL text. */
    private static final Set<String> TAKES_SQL = Set.of("prepareStatement", "prepareCall", "nativeSQL",
            "execute", "executeQuery", "executeUpdate", "executeLargeUpdate", "addBatch");
    private static final Set<String> GIVES_RESULT_SET = Set.of("executeQuery", "getResultSet", "getGeneratedKeys");

    private final Connection connection;
    private final UnaryOperator<String> rewrite;
    private final Function<String, List<String>> names;
    private final Connection self;

    private QuotingConnection(Connection connection, UnaryOperator<String> rewrite, Function<String, List<String>> names) {
        this.connection = connection;
        this.rewrite = rewrite;
        this.names = names;
        this.self = proxy(Connection.class, this::onConnection);
    }

    /** The user's connection to a PostgreSQL inventory: the schema's camelCase names quoted, alias labels spelled as written. */
    static Connection postgres(Connection connection) {
        return wrap(connection, sql -> PostgresIdentifiers.quote(sql, BackslashStrings.in(connection)),
                sql -> PostgresIdentifiers.selectListNames(sql, BackslashStrings.in(connection)));
    }

    /** {@code names} gives, for a statement, the name of each result column as written (null for none). */
    static Connection wrap(Connection connection, UnaryOperator<String> rewrite, Function<String, List<String>> names) {
        return new QuotingConnection(connection, rewrite, names).self;
    }

    private Object onConnection(Method method, Object[] args) throws Throwable {
        String sql = args != null && args.length > 0 && args[0] instanceof String s && TAKES_SQL.contains(method.getName()) ? s : null;
        Object result = call(connection, method, rewritten(method, args));
        if (result instanceof Statement statement) {
            return new StatementHandle(statement, sql).proxy;
        }
        if (result instanceof DatabaseMetaData meta) {
            return proxy(DatabaseMetaData.class, (m, a) -> m.getName().equals("getConnection") ? self : metadataResult(call(meta, m, a)));
        }
        return result;
    }

    /** A metadata result set (getTables, getColumns...) wrapped as a statement's is, so its statement leads back here. */
    private Object metadataResult(Object result) throws java.sql.SQLException {
        if (result instanceof ResultSet rs && rs.getStatement() != null) {
            return new StatementHandle(rs.getStatement(), null).resultSet(rs, List.of());
        }
        return result;
    }

    /** One statement: the SQL it last ran, for its result labels. */
    private final class StatementHandle {
        private final Statement statement;
        private final Object proxy;
        private volatile String sql;

        StatementHandle(Statement statement, String preparedSql) {
            this.statement = statement;
            this.sql = preparedSql;
            Class<? extends Statement> type = statement instanceof CallableStatement ? CallableStatement.class
                    : statement instanceof PreparedStatement ? PreparedStatement.class : Statement.class;
            this.proxy = proxy(type, this::on);
        }

        private Object on(Method method, Object[] args) throws Throwable {
            if (args != null && args.length > 0 && args[0] instanceof String s && TAKES_SQL.contains(method.getName())) {
                sql = s;
            }
            if (method.getName().equals("getConnection")) {
                return self;
            }
            Object result = call(statement, method, rewritten(method, args));
            if (result instanceof ResultSet rs && GIVES_RESULT_SET.contains(method.getName())) {
                return resultSet(rs, sql == null ? List.of() : names.apply(sql));
            }
            return result;
        }

        private ResultSet resultSet(ResultSet rs, List<String> spelled) {
            return proxy(ResultSet.class, (m, a) -> switch (m.getName()) {
                case "getStatement" -> proxy;
                case "getMetaData" -> spelled.isEmpty() ? rs.getMetaData() : labelled(rs.getMetaData(), spelled);
                default -> call(rs, m, a);
            });
        }
    }

    /** Labels PostgreSQL folded put back as the select list wrote them, column by column. */
    private static ResultSetMetaData labelled(ResultSetMetaData meta, List<String> names) {
        return proxy(ResultSetMetaData.class, (m, a) -> {
            Object result = call(meta, m, a);
            if (m.getName().equals("getColumnLabel") && result instanceof String label && (int) a[0] <= names.size()) {
                return PostgresIdentifiers.label(label, names.get((int) a[0] - 1));
            }
            return result;
        });
    }

    private Object[] rewritten(Method method, Object[] args) {
        if (args != null && args.length > 0 && args[0] instanceof String sql && TAKES_SQL.contains(method.getName())) {
            Object[] copy = args.clone();
            copy[0] = rewrite.apply(sql);
            return copy;
        }
        return args;
    }

    private interface Calls {
        Object call(Method method, Object[] args) throws Throwable;
    }

    private static <T> T proxy(Class<T> type, Calls calls) {
        InvocationHandler handler = (p, method, args) -> calls.call(method, args);
        return type.cast(Proxy.newProxyInstance(QuotingConnection.class.getClassLoader(), new Class<?>[] {type}, handler));
    }

    private static Object call(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
