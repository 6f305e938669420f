package dev.dawn.harness.tensorboard;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.Value;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The content of TensorBoard's {@code hparams} plugin summaries ({@code
 * tensorboard.hparams.HParamsPluginData}, version 0), encoded by field number: TensorFlow Java
 * ships the {@code Summary} protos but not the TensorBoard plugin's own. A run is one "session":
 * its start info carries the hyperparameters, its end info the status.
 */
public final class HParamsPluginData {
  public static final String PLUGIN_NAME = "hparams";
  public static final String SESSION_START_TAG = "_hparams_/session_start_info";
  public static final String SESSION_END_TAG = "_hparams_/session_end_info";

  /** {@code tensorboard.hparams.Status}. */
  public enum Status {
    UNKNOWN,
    SUCCESS,
    FAILURE,
    RUNNING
  }

  // HParamsPluginData fields
  private static final int SESSION_START_INFO = 3;
  private static final int SESSION_END_INFO = 4;
  // SessionStartInfo fields
  private static final int HPARAMS = 1;
  private static final int GROUP_NAME = 4;
  private static final int START_TIME_SECS = 5;
  // SessionEndInfo fields
  private static final int STATUS = 1;
  private static final int END_TIME_SECS = 2;

  private HParamsPluginData() {}

  /**
   * A session start: the hyperparameter map (scalar values), its group (empty: the session alone)
   * and start time.
   */
  public static ByteString sessionStart(
      Map<String, Value> hparams, String groupName, double startTimeSecs) {
    ByteString.Output info = ByteString.newOutput();
    write(
        info,
        out -> {
          for (Map.Entry<String, Value> e : hparams.entrySet()) {
            ByteString.Output entry =
                ByteString.newOutput(); // map<string, Value> entry: key 1, value 2
            write(
                entry,
                m -> {
                  m.writeString(1, e.getKey());
                  m.writeMessage(2, e.getValue());
                });
            out.writeBytes(HPARAMS, entry.toByteString());
          }
          if (!groupName.isEmpty()) out.writeString(GROUP_NAME, groupName);
          out.writeDouble(START_TIME_SECS, startTimeSecs);
        });
    return wrap(SESSION_START_INFO, info.toByteString());
  }

  public static ByteString sessionEnd(Status status, double endTimeSecs) {
    ByteString.Output info = ByteString.newOutput();
    write(
        info,
        out -> {
          out.writeEnum(STATUS, status.ordinal());
          out.writeDouble(END_TIME_SECS, endTimeSecs);
        });
    return wrap(SESSION_END_INFO, info.toByteString());
  }

  /**
   * HParamsPluginData with {@code version} 0 (a proto3 default, so not written) and one member of
   * its oneof.
   */
  private static ByteString wrap(int field, ByteString message) {
    ByteString.Output data = ByteString.newOutput();
    write(data, out -> out.writeBytes(field, message));
    return data.toByteString();
  }

  private interface Body {
    void write(CodedOutputStream out) throws IOException;
  }

  private static void write(ByteString.Output target, Body body) {
    try {
      CodedOutputStream out = CodedOutputStream.newInstance(target);
      body.write(out);
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // in-memory stream
    }
  }
}
