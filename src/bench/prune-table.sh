#!/usr/bin/env bash
# Accuracy of every pruning method at keep 0.9/0.7/0.5/0.3 (parameters) on a trained model, without retraining.
# Random methods run with seeds 0, 1, 2 and are averaged. Writes one JSON per run into $OUT and prints a Markdown
# table (docs/results.md). Usage: src/bench/prune-table.sh MODEL.plm OUT-DIR [METHODS] [EXTRA PRUNE OPTIONS...]
# e.g. src/bench/prune-table.sh assets/models/resnet20-fashion-mnist.plm out "pfp ft random-filters" --test-images 2000
set -euo pipefail
model=$1
out=${2:-target/prune-table}
methods=${3:-pfp pfp-random pfp-top-random sipp ft softnet wt snip thinet random-filters random-weights}
shift $(( $# < 3 ? $# : 3 ))
mkdir -p "$out"
export ONEDNN_MAX_CPU_ISA=SSE41
jar=${PRUNELAB_JAR:-target/prunelab.jar}
for method in $methods; do
  seeds=0
  case $method in pfp-random|pfp-top-random|random-filters|random-weights) seeds="0 1 2" ;; esac
  for seed in $seeds; do
    file="$out/$(basename "$model" .plm)-$method-$seed.json"
    [ -s "$file" ] && continue
    java -jar "$jar" prune --model "$model" --method "$method" --keep 0.9,0.7,0.5,0.3 --seed "$seed" --json "$@" \
      > "$file.tmp" 2> "$out/$method-$seed.log"
    mv "$file.tmp" "$file"
  done
done
java -jar "$jar" prune --model "$model" --method ft --keep 1 --json "$@" > "$out/$(basename "$model" .plm)-unpruned.json" 2>/dev/null
python3 - "$out" "$(basename "$model" .plm)" <<'PY'
import json, sys, glob, collections
out, name = sys.argv[1], sys.argv[2]
base = json.load(open(f"{out}/{name}-unpruned.json"))["top1"]
acc = collections.defaultdict(list)
order = []
for f in sorted(glob.glob(f"{out}/{name}-*-[0-9].json")):
    runs = json.load(open(f))
    for r in runs:
        key = (r["method"], r["allocation"])
        if key not in order:
            order.append(key)
        acc[(key, r["keepRequested"])].append((r["top1"], r["parameterRatio"], r["flopRatio"]))
keeps = [0.9, 0.7, 0.5, 0.3]
print(f"{name}: unpruned top-1 {100*base:.2f} %\n")
print("| method | allocation | " + " | ".join(f"keep {k}" for k in keeps) + " |")
print("|---|---|" + "---:|" * len(keeps))
for key in sorted(order, key=lambda k: [m for m, _ in order].index(k[0])):
    cells = []
    for k in keeps:
        v = acc[(key, k)]
        mean = sum(a for a, _, _ in v) / len(v)
        flops = sum(f for _, _, f in v) / len(v)
        spread = (max(a for a, _, _ in v) - min(a for a, _, _ in v)) / 2
        cell = f"{100*mean:.2f}" + (f" ± {100*spread:.2f}" if len(v) > 1 else "") + f" (FLOPs {flops:.2f})"
        cells.append(cell)
    print(f"| {key[0]} | {key[1]} | " + " | ".join(cells) + " |")
PY
