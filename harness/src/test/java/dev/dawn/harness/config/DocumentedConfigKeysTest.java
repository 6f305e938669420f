package dev.dawn.harness.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dawn.harness.cli.DawnCli;
import dev.dawn.workloads.training.schedule.ScheduleSpec;
import dev.dawn.workloads.training.schedule.SpecReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The built-in defaults, the key tables of docs/config.md and docs/inference.md, the generated
 * docs/config-keys.md and {@code dawn train --help} name exactly the keys the config records bind.
 */
class DocumentedConfigKeysTest {
  private static final Path DOCS = Path.of("..", "docs");

  /** Every key a training config may set: the record components, sections recursed. */
  static Set<String> keysInCode() {
    return keysInCode(ConfigSchema.TRAINING);
  }

  static Set<String> keysInCode(ConfigSchema<?> schema) {
    return keys(schema, schema.root(), "", new TreeSet<>());
  }

  private static Set<String> keys(
      ConfigSchema<?> schema, Class<?> record, String prefix, Set<String> out) {
    for (RecordComponent c : record.getRecordComponents()) {
      if (schema.isSection(c.getType())) keys(schema, c.getType(), prefix + c.getName() + ".", out);
      else out.add(prefix + c.getName());
    }
    return out;
  }

  /** The table rows of docs/config.md under "## Configs": `a.b`, `.c` means a.b and a.c. */
  static List<String> tableRows() throws Exception {
    return tableRows("config.md", "\n## Configs");
  }

  static List<String> tableRows(String page, String heading) throws Exception {
    String text = Files.readString(DOCS.resolve(page)) + "\n## ";
    int start = text.indexOf(heading);
    String section = text.substring(start, text.indexOf("\n## ", start + 1));
    List<String> rows = new ArrayList<>();
    for (String line : section.split("\n")) if (line.startsWith("| `")) rows.add(line);
    return rows;
  }

  static Set<String> keysInConfigPage() throws Exception {
    return keysIn(tableRows());
  }

  static Set<String> keysIn(List<String> rows) {
    Set<String> keys = new TreeSet<>();
    for (String row : rows) {
      String cell = row.split("\\|")[1];
      String parent = "";
      for (Matcher m = Pattern.compile("`([^`]+)`").matcher(cell); m.find(); ) {
        String key = m.group(1);
        if (key.startsWith(".")) {
          key = parent + key;
        } else {
          parent = key.contains(".") ? key.substring(0, key.lastIndexOf('.')) : "";
        }
        keys.add(key);
      }
    }
    return keys;
  }

  @Test
  void configPageListsEveryKeyAndNoOther() throws Exception {
    assertThat(keysInConfigPage()).containsExactlyInAnyOrderElementsOf(keysInCode());
  }

  @Test
  void inferencePageListsEveryKeyAndNoOther() throws Exception {
    assertThat(keysIn(tableRows("inference.md", "\n## Inference latency")))
        .containsExactlyInAnyOrderElementsOf(keysInCode(ConfigSchema.INFERENCE));
  }

  @Test
  void configKeysPageIsWhatTheBuildGenerates() throws Exception {
    assertThat(Files.readString(DOCS.resolve("config-keys.md")))
        .as("docs/config-keys.md is stale: run 'make docs'")
        .isEqualTo(ConfigReference.page());
  }

  @Test
  void generatedReferenceNamesEveryKeyWithItsDefault() {
    String training = ConfigReference.markdown(ConfigSchema.TRAINING);
    for (String key : keysInCode()) assertThat(training).contains("| `" + key + "` |");
    assertThat(training)
        .contains(
            "| `model.architecture` | `resnet9`, `resnet18`, `resnet34`, `resnet50`, `airbench94` |")
        .contains("| `distributed.fusion.thresholdBytes` | integer | `67108864` |");
  }

  @Test
  void defaultsGiveEveryKeyAValue() {
    for (ConfigSchema<?> schema : List.of(ConfigSchema.TRAINING, ConfigSchema.INFERENCE)) {
      Set<String> keys = new TreeSet<>();
      defaultKeys(schema, schema.defaults(), "", keys);
      assertThat(keys)
          .as(schema.defaultsResource())
          .containsExactlyInAnyOrderElementsOf(keysInCode(schema));
    }
  }

  private static void defaultKeys(
      ConfigSchema<?> schema,
      com.fasterxml.jackson.databind.JsonNode node,
      String prefix,
      Set<String> out) {
    node.fields()
        .forEachRemaining(
            f -> {
              String key = prefix + f.getKey();
              if (schema.sections().contains(key))
                defaultKeys(schema, f.getValue(), key + ".", out);
              else out.add(key);
            });
  }

  @Test
  void configPageNamesEveryScheduleType() throws Exception {
    String lr =
        tableRows().stream()
            .filter(r -> r.startsWith("| `optimizer.schedule`"))
            .findFirst()
            .orElseThrow();
    String momentum =
        tableRows().stream()
            .filter(r -> r.startsWith("| `optimizer.momentumSchedule`"))
            .findFirst()
            .orElseThrow();
    for (String type : SpecReader.typesOf(ScheduleSpec.LearningRate.class))
      assertThat(lr).contains("`" + type + "`");
    for (String type : SpecReader.typesOf(ScheduleSpec.Momentum.class))
      assertThat(momentum).contains("`" + type + "`");
  }

  @Test
  void configPageNamesEveryChoiceOfEveryEnumKey() throws Exception {
    for (String key : keysInCode()) {
      Class<?> type = typeOf(key);
      if (!type.isEnum()) continue;
      String row =
          tableRows().stream()
              .filter(
                  r ->
                      r.split("\\|")[1].contains("`" + key + "`")
                          || r.split("\\|")[1].contains(
                              "`." + key.substring(key.lastIndexOf('.') + 1) + "`"))
              .findFirst()
              .orElseThrow();
      for (Object choice : type.getEnumConstants()) {
        String name =
            new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(choice).asText();
        assertThat(row).as(key).contains("`" + name + "`");
      }
    }
  }

  private static Class<?> typeOf(String key) {
    Class<?> type = TrainConfig.class;
    for (String part : key.split("\\.")) {
      for (RecordComponent c : type.getRecordComponents()) {
        if (c.getName().equals(part)) {
          type = c.getType();
          break;
        }
      }
    }
    return type;
  }

  @Test
  void trainHelpNamesOnlyRealKeys() {
    StringWriter out = new StringWriter();
    var cli = DawnCli.commandLine();
    cli.setOut(new PrintWriter(out, true));
    assertThat(cli.execute("train", "--help")).isZero();
    Set<String> named = new TreeSet<>();
    Matcher m =
        Pattern.compile(
                "\\b((?:name|data|model|train|optimizer|threads|submission|distributed)\\.[A-Za-z.]*[A-Za-z])")
            .matcher(out.toString());
    while (m.find()) named.add(m.group(1));
    assertThat(named).isNotEmpty();
    assertThat(keysInCode()).containsAll(named);
  }
}
