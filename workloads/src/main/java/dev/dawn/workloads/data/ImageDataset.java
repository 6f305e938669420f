package dev.dawn.workloads.data;

import java.util.List;

/** A labelled image classification data set with a training and a validation split. */
public interface ImageDataset {
  String name();

  /** Human-readable class names, indexed by label. */
  List<String> classNames();

  List<ImageSource> train();

  List<ImageSource> validation();
}
