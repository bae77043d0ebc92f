package io.nasql.db;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * A connection whose SQL text is rewritten before it reaches the driver: every statement the
 * user types goes through one of these on PostgreSQL (see {@link PostgresIdentifiers}).
 */
final class QuotingConnection {
    /** Connection and Statement methods whose first argument is SQL text. */
    private static final Set<String> TAKES_SQL = Set.of("prepareStatement", "prepareCall", "nativeSQL",
            "execute", "executeQuery", "executeUpdate", "executeLargeUpdate", "addBatch");

    private QuotingConnection() {
    }

    static Connection wrap(Connection connection, UnaryOperator<String> rewrite) {
        return proxy(Connection.class, connection, rewrite);
    }

    private static <T> T proxy(Class<T> type, T target, UnaryOperator<String> rewrite) {
        InvocationHandler handler = (self, method, args) -> invoke(target, method, args, rewrite);
        return type.cast(Proxy.newProxyInstance(QuotingConnection.class.getClassLoader(), new Class<?>[] {type}, handler));
    }

    private static Object invoke(Object target, Method method, Object[] args, UnaryOperator<String> rewrite) throws Throwable {
        if (args != null && args.length > 0 && args[0] instanceof String sql && TAKES_SQL.contains(method.getName())) {
            args = args.clone();
            args[0] = rewrite.apply(sql);
        }
        Object result;
        try {
            result = method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
        if (method.getName().equals("createStatement") && result instanceof Statement statement) {
            return proxy(Statement.class, statement, rewrite);
        }
        return result;
    }
}
