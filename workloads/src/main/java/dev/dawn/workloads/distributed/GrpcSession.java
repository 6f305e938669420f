package dev.dawn.workloads.distributed;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.PointerScope;
import org.tensorflow.Graph;
import org.tensorflow.Session;
import org.tensorflow.internal.c_api.TF_Graph;
import org.tensorflow.internal.c_api.TF_Session;
import org.tensorflow.internal.c_api.TF_SessionOptions;
import org.tensorflow.internal.c_api.TF_Status;
import org.tensorflow.internal.c_api.global.tensorflow;
import org.tensorflow.proto.ConfigProto;

/**
 * A {@link Session} on a {@code grpc://host:port} target, i.e. run by that TensorFlow server's
 * master. Why reflection: TF Java 1.1.0's {@code Session} has no public way to set a target (its
 * private allocator passes none), so the session is created through the C API and wrapped with
 * {@code Session}'s package-private {@code Session(Graph, TF_Session)} constructor; the graph's
 * native handle is likewise private. Everything else uses the public API.
 */
public final class GrpcSession {
  private GrpcSession() {}

  /**
   * @param target e.g. {@code grpc://127.0.0.1:2222}
   * @param config sent with the session (collective group leader, device filters)
   */
  public static Session open(Graph graph, String target, ConfigProto config) {
    try (PointerScope scope = new PointerScope()) {
      TF_Status status = TF_Status.newStatus();
      TF_SessionOptions options = TF_SessionOptions.newSessionOptions();
      tensorflow.TF_SetTarget(options, target);
      BytePointer bytes = new BytePointer(config.toByteArray());
      tensorflow.TF_SetConfig(options, bytes, bytes.capacity(), status);
      status.throwExceptionIfNotOK();
      TF_Session handle = TF_Session.newSession(graphHandle(graph), options, status);
      status.throwExceptionIfNotOK();
      // Outlive the scope: the Session owns the handle from here and deletes it on close().
      handle.retainReference();
      return wrap(graph, handle);
    }
  }

  private static TF_Graph graphHandle(Graph graph) {
    try {
      Field field = Graph.class.getDeclaredField("nativeHandle");
      field.setAccessible(true);
      TF_Graph handle = (TF_Graph) field.get(graph);
      if (handle == null || handle.isNull()) {
        throw new IllegalStateException("graph has been closed");
      }
      return handle;
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(
          "TensorFlow Java's Graph has no private nativeHandle field (version changed?)", e);
    }
  }

  private static Session wrap(Graph graph, TF_Session handle) {
    try {
      Constructor<Session> constructor =
          Session.class.getDeclaredConstructor(Graph.class, TF_Session.class);
      constructor.setAccessible(true);
      return constructor.newInstance(graph, handle);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(
          "TensorFlow Java's Session has no (Graph, TF_Session) constructor (version changed?)", e);
    }
  }
}
