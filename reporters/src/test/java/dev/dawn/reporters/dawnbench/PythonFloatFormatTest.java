package dev.dawn.reporters.dawnbench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PythonFloatFormatTest {

  /**
   * Each string is CPython 3 {@code repr(x)} output, so parsing it gives x and repr must give it
   * back.
   */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "9.784310778490001",
        "2.4460776946225e-06",
        "94.08999999999999",
        "590.0",
        "1e+16",
        "0.0001",
        "1e-05",
        "0.1",
        "0.3",
        "0.3333333333333333",
        "0.6666666666666666",
        "5e-324",
        "1.7976931348623157e+308",
        "2.2250738585072014e-308",
        "1e+23",
        "123456789012345.6",
        "1234567890123456.8",
        "1.2345678901234568e+16",
        "0.00015848055555555557",
        "0.7524165510999999",
        "3.1228484e-07",
        "-0.5",
        "-1e-07",
        "100.0",
        "93.10087568",
        "0.045093458",
        "5.684341886080802e-14",
        "1.5e-323",
        "1000000000000000.0",
        "9999999999999998.0",
        "0.001",
        "20.6",
        "7.425498886600001",
        "0.0009765625",
        "2.7216092808335446e+276",
        "3.035766360112293e-65",
        "6.665830898196862e-279",
        "2.3558459513947972e+198",
        "1.2418970069620836e-250",
        "2.319469273766672e+51",
        "7.873531487934826e+252",
        "2.6878898238430084e-176",
        "1.086847153644306e-255",
        "7.572358053192185e-51",
        "2.6713290337373985e-160",
        "6.266356115726005e+31",
        "3.13010388235547e-272",
        "4.569785438180719e+40",
        "1.5255942855744936e+276",
        "7.218027539944233e+80",
        "2.959712980820823e+51",
        "1.6027751755097824e-270",
        "1.1386802021941775e+53",
        "4.397094309717868e-278",
        "2.2972765567901737e-172",
        "1.744133597091969e+35",
        "1.4707130206140743e-226",
        "2.9865692316748857e-50",
        "2.5623378729646505e+25",
        "1.1779223807836836",
        "5602572770128.127",
        "1807263799.2393746",
        "0.005712043914117923",
        "372397542.7257312",
        "7121107657.461536",
        "0.0005960116996623266",
        "496414495.1134918",
        "42.75923056694029",
        "465601.865839674",
        "1.152921504606847e+18"
      })
  void matchesPythonRepr(String python) {
    assertThat(PythonFloatFormat.repr(Double.parseDouble(python))).isEqualTo(python);
  }

  @Test
  void literalsFromTheBrief() {
    assertThat(PythonFloatFormat.repr(9.784310778490001)).isEqualTo("9.784310778490001");
    assertThat(PythonFloatFormat.repr(2.4460776946225e-06)).isEqualTo("2.4460776946225e-06");
    assertThat(PythonFloatFormat.repr(94.08999999999999)).isEqualTo("94.08999999999999");
    assertThat(PythonFloatFormat.repr(590)).isEqualTo("590.0");
    assertThat(PythonFloatFormat.repr(1e16)).isEqualTo("1e+16");
    assertThat(PythonFloatFormat.repr(9.999999999999999e22)).isEqualTo("1e+23");
    assertThat(PythonFloatFormat.repr(0.0001)).isEqualTo("0.0001");
    assertThat(PythonFloatFormat.repr(1e-05)).isEqualTo("1e-05");
    assertThat(PythonFloatFormat.repr(0.57 * 100)).isEqualTo("56.99999999999999");
    assertThat(PythonFloatFormat.repr(0.07 * 100)).isEqualTo("7.000000000000001");
  }

  @Test
  void signedZeroAndNonFinite() {
    assertThat(PythonFloatFormat.repr(0.0)).isEqualTo("0.0");
    assertThat(PythonFloatFormat.repr(-0.0)).isEqualTo("-0.0");
    assertThat(PythonFloatFormat.repr(Double.NaN)).isEqualTo("nan");
    assertThat(PythonFloatFormat.repr(Double.NEGATIVE_INFINITY)).isEqualTo("-inf");
    assertThat(PythonFloatFormat.json(Double.NaN)).isEqualTo("NaN");
    assertThat(PythonFloatFormat.json(Double.POSITIVE_INFINITY)).isEqualTo("Infinity");
  }
}
