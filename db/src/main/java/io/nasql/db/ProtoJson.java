package io.nasql.db;

import com.google.cloud.aiplatform.v1.Measurement;
import com.google.cloud.aiplatform.v1.NasJobOutput;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.MessageOrBuilder;
import com.google.protobuf.Timestamp;
import com.google.protobuf.util.JsonFormat;
import com.google.rpc.Status;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.jooq.JSON;

/** Proto values as the inventory stores them: messages as proto3 JSON, timestamps in UTC. */
public final class ProtoJson {
    private static final JsonFormat.Printer PRINTER = JsonFormat.printer().omittingInsignificantWhitespace();

    private ProtoJson() {
    }

    /** Compact proto3 JSON (camelCase) of a message. */
    public static String print(MessageOrBuilder message) {
        String fast = message instanceof NasJobOutput output ? OutputJson.print(output)
                : message instanceof Measurement measurement ? OutputJson.print(measurement) : null;
        if (fast != null) {
            return fast;
        }
        return printWithJsonFormat(message);
    }

    /** JsonFormat's text, always: the reference the fast printer is tested against. */
    static String printWithJsonFormat(MessageOrBuilder message) {
        try {
            return PRINTER.print(message);
        } catch (InvalidProtocolBufferException e) {
            // Only an Any of an unknown type gets here (in Status.details): keep what can be printed.
            if (message instanceof Status status) {
                return printWithJsonFormat(status.toBuilder().clearDetails());
            }
            throw new IllegalStateException("cannot print " + message.getClass().getSimpleName() + " as JSON", e);
        }
    }

    static JSON json(MessageOrBuilder message) {
        return JSON.valueOf(print(message));
    }

    /** A proto timestamp in UTC, or null when unset. */
    public static OffsetDateTime time(Timestamp timestamp) {
        if (timestamp.getSeconds() == 0 && timestamp.getNanos() == 0) {
            return null;
        }
        return Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos()).atOffset(ZoneOffset.UTC);
    }
}
