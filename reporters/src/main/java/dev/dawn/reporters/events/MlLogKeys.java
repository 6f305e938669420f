package dev.dawn.reporters.events;

import java.util.List;

/**
 * Event keys: the MLPerf {@code mlperf_logging/mllog/constants.py} names we use, plus our own
 * (marked "Ours"). The fields of each event are those of its record in this package ({@link
 * EpochStop}, {@link TrainStep}, ...). Our own keys must not be MLPerf names, and must not contain
 * the names MLPerf's RCP checker finds by substring ({@code eval_accuracy}, {@code
 * global_batch_size}, {@code run_stop}, {@code submission_benchmark}, {@code eval_error}) in a
 * line.
 */
public final class MlLogKeys {
  // Initialisation: graph building and data preparation, before run_start (off MLPerf's clock).
  public static final String INIT_START = "init_start";
  public static final String INIT_STOP = "init_stop";

  /** POINT_IN_TIME ({@link CacheClear}): whether the system's caches were dropped. */
  public static final String CACHE_CLEAR = "cache_clear";

  // The MLPerf submission the run belongs to ({@link MlPerfSubmission}).
  public static final String SUBMISSION_BENCHMARK = "submission_benchmark";
  public static final String SUBMISSION_ORG = "submission_org";
  public static final String SUBMISSION_DIVISION = "submission_division";
  public static final String SUBMISSION_STATUS = "submission_status";
  public static final String SUBMISSION_PLATFORM = "submission_platform";

  // Timing intervals.
  public static final String RUN_START = "run_start";
  public static final String RUN_STOP = "run_stop";
  public static final String EPOCH_START = "epoch_start";
  public static final String EPOCH_STOP = "epoch_stop";
  public static final String EVAL_START = "eval_start";
  public static final String EVAL_STOP = "eval_stop";
  public static final String EVAL_ACCURACY = "eval_accuracy";

  /** POINT_IN_TIME every N steps ({@link TrainStep}): value = training loss. */
  public static final String TRAIN_STEP = "train_step";

  // Hyperparameters and run information (POINT_IN_TIME).
  public static final String GLOBAL_BATCH_SIZE = "global_batch_size";
  public static final String OPT_NAME = "opt_name";
  public static final String OPT_BASE_LEARNING_RATE = "opt_base_learning_rate";
  public static final String OPT_MOMENTUM = "opt_momentum";
  public static final String OPT_WEIGHT_DECAY = "opt_weight_decay";
  public static final String OPT_LEARNING_RATE_WARMUP_EPOCHS = "opt_learning_rate_warmup_epochs";
  public static final String LABEL_SMOOTHING = "label_smoothing";
  public static final String TRAIN_SAMPLES = "train_samples";
  public static final String EVAL_SAMPLES = "eval_samples";
  public static final String MODEL_NAME = "model_name";
  public static final String IMAGE_RESOLUTION = "image_resolution";
  public static final String SEED = "seed";
  public static final String TARGET_ACCURACY = "target_accuracy";
  public static final String GRADIENT_ACCUMULATION_STEPS = "gradient_accumulation_steps";

  // MLPerf's ResNet-50 optimizer keys ({@link MlPerfOptimizerKeys}).
  /** Images over which batch norm computes its batch statistics. */
  public static final String MODEL_BN_SPAN = "model_bn_span";

  public static final String LARS_EPSILON = "lars_epsilon";
  public static final String LARS_OPT_BASE_LEARNING_RATE = "lars_opt_base_learning_rate";
  public static final String LARS_OPT_END_LEARNING_RATE = "lars_opt_end_learning_rate";
  public static final String LARS_OPT_LEARNING_RATE_DECAY_POLY_POWER =
      "lars_opt_learning_rate_decay_poly_power";
  public static final String LARS_OPT_LEARNING_RATE_DECAY_STEPS =
      "lars_opt_learning_rate_decay_steps";
  public static final String LARS_OPT_LEARNING_RATE_WARMUP_EPOCHS =
      "lars_opt_learning_rate_warmup_epochs";
  public static final String LARS_OPT_MOMENTUM = "lars_opt_momentum";
  public static final String LARS_OPT_WEIGHT_DECAY = "lars_opt_weight_decay";
  public static final String SGD_OPT_BASE_LEARNING_RATE = "sgd_opt_base_learning_rate";
  public static final String SGD_OPT_END_LEARNING_RATE = "sgd_opt_end_learning_rate";
  public static final String SGD_OPT_LEARNING_RATE_DECAY_POLY_POWER =
      "sgd_opt_learning_rate_decay_poly_power";
  public static final String SGD_OPT_LEARNING_RATE_DECAY_STEPS =
      "sgd_opt_learning_rate_decay_steps";
  public static final String SGD_OPT_MOMENTUM = "sgd_opt_momentum";
  public static final String SGD_OPT_WEIGHT_DECAY = "sgd_opt_weight_decay";

  /**
   * Ours: the weights folder a run started from (fine-tuning), instead of a fresh initialisation.
   */
  public static final String INIT_WEIGHTS = "init_weights";

  /** Ours: accuracy of the initial weights before training. */
  public static final String INIT_EVAL = "init_eval";

  /** Ours: the training state was written as a TensorFlow checkpoint ({@link CheckpointSaved}). */
  public static final String CHECKPOINT_SAVED = "checkpoint_saved";

  /** Ours: the run continues from a checkpoint in a new process ({@link RunResume}). */
  public static final String RUN_RESUME = "run_resume";

  /** Ours: an image left out because it could not be decoded ({@link ImageSkipped}). */
  public static final String IMAGE_SKIPPED = "image_skipped";

  // Ours: run facts (POINT_IN_TIME, scalar value).
  public static final String MODEL_PARAMETERS = "model_parameters";
  public static final String NUM_CLASSES = "num_classes";
  public static final String PRECISION = "precision";
  public static final String LOSS_SCALE = "loss_scale";
  public static final String EVAL_RESOLUTION = "eval_resolution";

  // Ours: inference runs.
  public static final String INFERENCE_WEIGHTS = "inference_weights";
  public static final String INFERENCE_SETTINGS = "inference_settings";
  public static final String INFERENCE_VARIANT = "inference_variant";
  public static final String FINE_TUNE = "fine_tune";

  // Ours: a sweep's own log (sweep-events.jsonl), one start and one stop per run of a cell.
  public static final String SWEEP_RUN_START = "sweep_run_start";
  public static final String SWEEP_RUN_STOP = "sweep_run_stop";

  /**
   * Ours: how data-parallel replicas all-reduce their gradients (value is {@link
   * AllReduceBuckets}).
   */
  public static final String ALLREDUCE_BUCKETS = "allreduce_buckets";

  /** Ours: the DAWNBench submission fields of the run (value is a map). */
  public static final String DAWNBENCH_ENTRY = "dawnbench_entry";

  /** Whether the run is a DAWNBench entry, and the facts behind the verdict. */
  public static final String DAWNBENCH_TASK = "dawnbench_task";

  /** Per-op time of traced steps ({@code --profile}). */
  public static final String OP_PROFILE = "op_profile";

  /** The hyperparameter keys listed above, in a stable order. */
  public static final List<String> HYPERPARAMETERS =
      List.of(
          GLOBAL_BATCH_SIZE,
          OPT_NAME,
          OPT_BASE_LEARNING_RATE,
          OPT_MOMENTUM,
          OPT_WEIGHT_DECAY,
          OPT_LEARNING_RATE_WARMUP_EPOCHS,
          LABEL_SMOOTHING,
          TRAIN_SAMPLES,
          EVAL_SAMPLES,
          MODEL_NAME,
          IMAGE_RESOLUTION,
          SEED,
          TARGET_ACCURACY);

  // Metadata names that the generic event code refers to; every other field name is a record
  // component's
  // @JsonProperty in this package, written once there.
  public static final String META_EPOCH_NUM = "epoch_num";
  public static final String META_LOSS = "loss";
  public static final String META_TOP1_ACCURACY = "top1_accuracy";
  public static final String META_TOP5_ACCURACY = "top5_accuracy";

  private MlLogKeys() {}
}
