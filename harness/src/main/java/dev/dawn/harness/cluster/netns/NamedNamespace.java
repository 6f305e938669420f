package dev.dawn.harness.cluster.netns;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A named network namespace made with {@code ip netns add} (needs root): it appears in {@code ip
 * netns list} as {@code dawn-<pid>-<n>}, the pid of the JVM that made it, so two launches never
 * share one and a namespace left behind by a JVM killed with {@code kill -9} is recognised and
 * removed by the next one ({@link #reapStale}). The namespaces of one emulated network share their
 * {@code dawn-<pid>-<n>} and add what each is, e.g. {@code dawn-812-3-net7-w0}. Processes enter it
 * with {@code ip netns exec}.
 */
final class NamedNamespace implements NetworkNamespace {
  static final String PREFIX = "dawn-";
  private static final Pattern OURS =
      Pattern.compile(Pattern.quote(PREFIX) + "(\\d+)-(\\d+)(-[a-z0-9]+)*");
  private static final AtomicInteger COUNT = new AtomicInteger();

  private final NetTool ip;
  private final String name;

  private NamedNamespace(NetTool ip, String name) {
    this.ip = ip;
    this.name = name;
  }

  /** A new namespace whose loopback is up. */
  static NamedNamespace create(NetTool ip) throws NamespaceException {
    return create(ip, newName());
  }

  /**
   * {@code dawn-<this JVM's pid>-<n>}, a name no other namespace of this JVM has; the namespaces of
   * one emulated network add a suffix to it.
   */
  static String newName() {
    return PREFIX + ProcessHandle.current().pid() + "-" + COUNT.incrementAndGet();
  }

  /**
   * A new namespace called {@code name} (a {@link #newName()} with or without lower-case suffixes
   * such as {@code -w0}), whose loopback is up.
   */
  static NamedNamespace create(NetTool ip, String name) throws NamespaceException {
    if (!OURS.matcher(name).matches()
        || !name.startsWith(PREFIX + ProcessHandle.current().pid() + "-"))
      throw new IllegalArgumentException("not a name of this JVM's namespaces: " + name);
    ip.run("netns", "add", name);
    NamedNamespace ns = new NamedNamespace(ip, name);
    NamespaceTeardown.opened(ns);
    try {
      ip.run("-n", name, "link", "set", "lo", "up");
    } catch (NamespaceException e) {
      ns.close();
      throw e;
    }
    return ns;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public List<String> prefix() {
    return List.of(ip.program(), "netns", "exec", name);
  }

  @Override
  public void close() {
    if (!NamespaceTeardown.closing(this)) return;
    try {
      // Processes still inside keep the namespace alive until they exit; only the name goes.
      ip.run("netns", "delete", name);
    } catch (NamespaceException leftBehind) {
      // reaped by the next launch (reapStale)
    }
  }

  /**
   * Deletes the dawn namespaces whose JVM no longer runs (it was killed with {@code kill -9} and
   * could not tear them down). Others' namespaces, and those of running JVMs, are left alone.
   *
   * @return the names deleted
   */
  static List<String> reapStale(NetTool ip) {
    List<String> reaped = new ArrayList<>();
    String list;
    try {
      list = ip.run("netns", "list");
    } catch (NamespaceException e) {
      return reaped;
    }
    for (String line : list.lines().toList()) {
      String name = line.strip().split("\\s+")[0];
      Matcher m = OURS.matcher(name);
      if (!m.matches() || jvmRuns(Long.parseLong(m.group(1)))) continue;
      try {
        ip.run("netns", "delete", name);
        reaped.add(name);
      } catch (NamespaceException stillBusy) {
        // another process may be deleting it at the same time
      }
    }
    return reaped;
  }

  private static boolean jvmRuns(long pid) {
    Optional<ProcessHandle> p = ProcessHandle.of(pid);
    return p.isPresent() && p.get().isAlive();
  }
}
