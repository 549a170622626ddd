"""Search over 10,000 generated Korean and English sections: studylog's search vs a plain LIKE scan.

Prints the insert rate, the database size, and per query the median time of
studylog.journal.search (FTS5 trigram, LIKE below three characters) beside a LIKE scan of
the same rows, measured in the same run. Target: median under 20 ms for studylog's search.

    .venv/bin/python benchmarks/search.py [--sections 10000] [--repeats 15]
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from pathlib import Path

from sqlalchemy import text

from studylog.journal.search import search
from studylog.store.database import open_database
from studylog.store.models import Section, Week

KOREAN = (
    "배치정규화 경사하강법 합성곱 풀링 드롭아웃 과적합 정규화 손실함수 역전파 학습률 "
    "멘토링 피어세션 회고 과제 복습 파이토치 모델 구현 논문 파라미터 연산량 계산복잡도 "
    "보조분류기 소프트맥스 교차엔트로피 가중치 편향 채널 필터 커널 이미지 분류 검출 분할"
).split()
ENGLISH = (
    "batch normalization gradient descent convolution pooling dropout overfitting loss "
    "backpropagation learning rate inception googlenet efficientnet transformer attention "
    "softmax cross entropy weights bias channel kernel flops params residual"
).split()
RARE = ["드롭커넥트", "스퀴즈여기", "squeeze-excitation", "depthwise", "잔차"]  # each in about 1% of sections
QUERIES = ["드롭커넥트", "스퀴즈여기", "depthwise", "squeeze excitation", "잔차", "정규화", "소프트맥스 가중치", "멘토"]


def fake_body(rng: random.Random) -> str:
    words = [rng.choice(KOREAN if rng.random() < 0.6 else ENGLISH) for _ in range(rng.randint(30, 120))]
    words.insert(rng.randrange(len(words)), f"{rng.randint(1, 512)}*{rng.randint(1, 7)}*{rng.randint(1, 7)}*{rng.randint(1, 512)}")
    for rare in RARE:
        if rng.random() < 0.01:
            words.insert(rng.randrange(len(words)), rare)
    return " ".join(words)


def median_ms(fn, repeats: int) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sections", type=int, default=10_000)
    parser.add_argument("--repeats", type=int, default=15)
    args = parser.parse_args()
    rng = random.Random(4)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.db"
        db = open_database(path)
        start = time.perf_counter()
        with db.session() as s:
            weeks = [Week(number=n, title=f"week {n}") for n in range(1, 53)]
            s.add_all(weeks)
            s.flush()
            s.add_all(
                Section(week_id=weeks[i % 52].id, position=i, title=f"section {i}", body=fake_body(rng))
                for i in range(args.sections)
            )
        elapsed = time.perf_counter() - start
        size_mb = sum(f.stat().st_size for f in path.parent.glob("bench.db*")) / 1e6
        print(f"inserted {args.sections:,} sections in one transaction: {args.sections / elapsed:,.0f} rows/s "
              f"(FTS index kept by triggers); database with WAL {size_mb:.1f} MB")

        def like_scan(query: str):
            """The peer: what an app without a full-text index does, same ordering and limit."""
            with db.engine.connect() as conn:
                clauses = " AND ".join(f"(s.title || s.body) LIKE :t{i}" for i in range(len(query.split())))
                params = {f"t{i}": f"%{t}%" for i, t in enumerate(query.split())}
                sql = (f"SELECT s.id, s.title, s.body FROM section s JOIN week w ON w.id = s.week_id "
                       f"WHERE {clauses} ORDER BY w.number, s.position LIMIT 50")
                return conn.execute(text(sql), params).all()

        print(f"\n{'query':<20} {'hits':>5} {'studylog ms':>12} {'LIKE scan ms':>13} {'speed-up':>9}")
        medians = []
        for query in QUERIES:
            hits = len(search(db, query))
            ours = median_ms(lambda: search(db, query), args.repeats)
            scan = median_ms(lambda: like_scan(query), args.repeats)
            medians.append(ours)
            print(f"{query:<20} {hits:>5} {ours:>12.2f} {scan:>13.2f} {scan / ours:>8.1f}x")
        overall = statistics.median(medians)
        print(f"\nmedian over queries: {overall:.2f} ms (target < 20 ms): {'met' if overall < 20 else 'NOT met'}")
        db.close()


if __name__ == "__main__":
    main()
