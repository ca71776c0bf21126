package org.prunelab.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.prunelab.ui.shell.WorkbenchFixture.awaitErrorDialog;
import static org.prunelab.ui.shell.WorkbenchFixture.awaitJob;
import static org.prunelab.ui.shell.WorkbenchFixture.onFx;
import static org.prunelab.ui.shell.WorkbenchFixture.runFx;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.image.Image;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.prunelab.job.JobHandle;
import org.prunelab.job.JobState;
import org.prunelab.nn.LayerInfo;
import org.prunelab.service.LoadedModel;
import org.prunelab.ui.UndoableEdit;
import org.prunelab.zoo.BundledModels;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Drives the real workbench window headless: opening the default model, the model view's table and
 * shared selection, cancelling a running job from its row, undo/redo through the keyboard, and bad
 * input (corrupt ONNX, an unsupported operator, a missing dataset, a broken project file) that must
 * end in a dialog naming the problem with the previous model still open.
 */
@ExtendWith(ApplicationExtension.class)
class WorkbenchShellTest {
  private WorkbenchFixture fx;

  @TempDir Path dir;

  @Start
  void start(Stage stage) {
    fx = WorkbenchFixture.start(stage);
  }

  @AfterEach
  void close() {
    fx.close();
  }

  @Test
  void theWindowCarriesTheApplicationIcon() {
    Image icon = onFx(() -> fx.stage.getIcons().get(0));
    assertFalse(icon.isError());
    assertEquals(256.0, icon.getWidth());
    assertEquals(256.0, icon.getHeight());
  }

  @Test
  void opensTheDefaultModelWithFashionMnistAndShowsItsLayers(FxRobot robot) {
    JobHandle<LoadedModel> job = onFx(fx.workbench::openDefault);
    awaitJob(job);
    assertEquals(JobState.SUCCEEDED, job.state());
    LoadedModel m = onFx(() -> fx.workbench.model().get());
    assertEquals(BundledModels.find(BundledModels.DEFAULT).orElseThrow().toString(), m.source());
    assertEquals("fashion-mnist", m.dataset());
    assertTrue(
        fx.stage.getTitle().contains("resnet20-fashion-mnist.plm on fashion-mnist"),
        fx.stage.getTitle());
    assertEquals(
        "data: fashion-mnist", robot.lookup("#status-data").queryAs(Label.class).getText());

    runFx(() -> fx.window.show("Model"));
    WaitForAsyncUtils.waitForFxEvents();
    TableView<LayerInfo> table = robot.lookup("#model-layers").queryTableView();
    assertEquals(m.summary().layers().size(), table.getItems().size());
    // ResNet-20 for 1x28x28: a stem conv, 3 stages of 3 basic blocks with 2 convs each, 1x1
    // projection
    // shortcuts where stages 2 and 3 change shape (option B): 1 + 18 + 2 convolutions, one linear
    // layer
    assertEquals(21, table.getItems().stream().filter(l -> l.op().startsWith("Conv")).count());
    assertEquals(1, table.getItems().stream().filter(l -> l.op().startsWith("Linear")).count());
  }

  @Test
  void modelViewShowsTheLayerTableWithTotalsAndSharesTheSelection(FxRobot robot) {
    fx.open(WorkbenchFixture.lenet5().toString(), "fashion-mnist");
    runFx(() -> fx.window.show("Model"));
    WaitForAsyncUtils.waitForFxEvents();
    TableView<LayerInfo> table = robot.lookup("#model-layers").queryTableView();
    // Caffe LeNet-5 by hand: conv1 1*20*25+20 = 520, conv2 20*50*25+50 = 25,050, fc1 800*500+500 =
    // 400,500,
    // fc2 500*10+10 = 5,010; MACs 24*24*20*25 + 8*8*50*500 + 800*500 + 500*10 = 2,293,000
    assertEquals(431_080, table.getItems().stream().mapToLong(LayerInfo::params).sum());
    String totals = robot.lookup(".totals").queryAs(Label.class).getText();
    assertTrue(totals.contains(table.getItems().size() + " layers"), totals);
    assertTrue(totals.contains("431,080 parameters"), totals);
    assertTrue(totals.contains("2,293,000 FLOPs"), totals);

    WaitForAsyncUtils.waitForFxEvents();
    String third = table.getItems().get(2).name();
    robot.clickOn(
        robot
            .lookup(".table-row-cell")
            .match(
                (Node n) ->
                    n instanceof TableRow<?> r
                        && r.getItem() instanceof LayerInfo l
                        && l.name().equals(third))
            .queryAs(Node.class));
    assertEquals(third, onFx(() -> fx.workbench.selectedLayer().get()));
    runFx(() -> fx.workbench.selectedLayer().set("conv2"));
    assertEquals("conv2", onFx(() -> table.getSelectionModel().getSelectedItem().name()));
  }

  @Test
  void cancelButtonCancelsARunningJobAndChangesNothing(FxRobot robot) {
    LoadedModel before = fx.open(WorkbenchFixture.lenet5().toString(), "fashion-mnist");
    AtomicInteger steps = new AtomicInteger();
    JobHandle<String> job =
        onFx(
            () ->
                fx.workbench
                    .jobs()
                    .submit(
                        "Long test job",
                        ctx -> {
                          while (true) {
                            ctx.checkCancelled();
                            ctx.progress(steps.incrementAndGet(), 1_000_000, "step " + steps.get());
                            Thread.sleep(5);
                          }
                        },
                        v -> {},
                        e -> {}));
    WorkbenchFixture.await(
        "the job to run", Duration.ofSeconds(30), () -> job.state() == JobState.RUNNING);
    Node row = WorkbenchFixture.jobRow(robot, "Long test job");
    robot.clickOn(robot.from(row).lookup(".button").queryAs(Button.class));
    awaitJob(job);
    assertEquals(JobState.CANCELLED, job.state());
    row = WorkbenchFixture.jobRow(robot, "Long test job");
    assertEquals(
        "cancelled", robot.from(row).lookup(".job-message").queryAs(Label.class).getText());
    assertTrue(robot.from(row).lookup(".button").queryAs(Button.class).isDisabled());
    assertSame(before, onFx(() -> fx.workbench.model().get()));
    assertTrue(WorkbenchFixture.errorDialogText().isEmpty(), "a cancelled job is not an error");
  }

  @Test
  void undoAndRedoAnEditFromTheKeyboard(FxRobot robot) {
    AtomicInteger value = new AtomicInteger(1);
    runFx(
        () -> {
          value.set(2);
          fx.workbench
              .history()
              .record(
                  new UndoableEdit() {
                    @Override
                    public String description() {
                      return "value 1 -> 2";
                    }

                    @Override
                    public void undo() {
                      value.set(1);
                    }

                    @Override
                    public void redo() {
                      value.set(2);
                    }
                  });
        });
    robot.clickOn(fx.stage.getScene().getRoot());
    robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
    WorkbenchFixture.await("undo", Duration.ofSeconds(5), () -> value.get() == 1);
    assertTrue(onFx(() -> fx.workbench.history().canRedoProperty().get()));
    robot
        .press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.Z)
        .release(KeyCode.Z, KeyCode.SHIFT, KeyCode.CONTROL);
    WorkbenchFixture.await("redo", Duration.ofSeconds(5), () -> value.get() == 2);
    robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
    WorkbenchFixture.await("second undo", Duration.ofSeconds(5), () -> value.get() == 1);
    robot.press(KeyCode.CONTROL, KeyCode.Y).release(KeyCode.Y, KeyCode.CONTROL);
    WorkbenchFixture.await("redo by Ctrl+Y", Duration.ofSeconds(5), () -> value.get() == 2);
    assertFalse(onFx(() -> fx.workbench.history().canRedoProperty().get()));
  }

  @Test
  void corruptOnnxFileShowsADialogAndKeepsThePreviousModel() throws Exception {
    LoadedModel before = fx.open(WorkbenchFixture.lenet5().toString(), "fashion-mnist");
    byte[] noise = new byte[4096];
    new Random(7).nextBytes(noise);
    Path corrupt = Files.write(dir.resolve("corrupt.onnx"), noise);
    JobHandle<LoadedModel> job = onFx(() -> fx.workbench.openModelFile(corrupt));
    String dialog = awaitErrorDialog();
    assertEquals(JobState.FAILED, job.state());
    assertTrue(dialog.contains("Could not open corrupt.onnx"), dialog);
    assertTrue(dialog.contains("corrupt.onnx") && dialog.contains("ONNX"), dialog);
    assertSame(before, onFx(() -> fx.workbench.model().get()));
    assertTrue(fx.stage.getTitle().contains("lenet5-fashion-mnist.plm"), fx.stage.getTitle());
  }

  @Test
  void onnxWithAnUnsupportedOperatorNamesTheOperator() throws Exception {
    LoadedModel before = fx.open(WorkbenchFixture.lenet5().toString(), "fashion-mnist");
    ModelProto.Builder model =
        ModelProto.parseFrom(
            Files.readAllBytes(Path.of("src/test/resources/onnx/lenet5_opset13_batch1.onnx")))
            .toBuilder();
    NodeProto.Builder relu =
        model.getGraphBuilder().getNodeBuilderList().stream()
            .filter(n -> n.getOpType().equals("Relu"))
            .findFirst()
            .orElseThrow();
    relu.setOpType("NonMaxSuppression");
    Path file = Files.write(dir.resolve("nms.onnx"), model.build().toByteArray());
    onFx(() -> fx.workbench.openModelFile(file));
    String dialog = awaitErrorDialog();
    assertTrue(dialog.contains("operator NonMaxSuppression is not supported"), dialog);
    assertTrue(dialog.contains("'" + relu.getName() + "'"), "names the node: " + dialog);
    assertSame(before, onFx(() -> fx.workbench.model().get()));
  }

  @Test
  void missingDatasetShowsADialogThatSaysHowToInstallIt() {
    LoadedModel before = fx.open(WorkbenchFixture.lenet5().toString(), "fashion-mnist");
    onFx(() -> fx.workbench.openModel(WorkbenchFixture.lenet5().toString(), "cifar10"));
    String dialog = awaitErrorDialog();
    assertTrue(dialog.contains("with cifar10"), dialog);
    assertTrue(dialog.contains("cifar-10-batches-bin") && dialog.contains("PRUNELAB_DATA"), dialog);
    assertSame(before, onFx(() -> fx.workbench.model().get()));
    assertEquals("fashion-mnist", onFx(() -> fx.workbench.dataset().get()));
  }

  @Test
  void brokenProjectFileShowsADialogAndOpensNothing() throws Exception {
    Path broken = Files.writeString(dir.resolve("broken.prunelab"), "{\"version\": 1, \"model\": ");
    assertTrue(onFx(() -> fx.workbench.openProject(broken)).isEmpty());
    String dialog = awaitErrorDialog();
    assertTrue(dialog.contains("broken.prunelab") && dialog.contains("not valid JSON"), dialog);
    assertNull(onFx(() -> fx.workbench.model().get()));
    assertNull(onFx(() -> fx.workbench.projectFile().get()));
  }
}
