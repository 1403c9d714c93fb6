"""The nbgrader side of the gradebook benchmark (bench/gradebook/run.sh).

    python nbgrader_gradebook.py populate COURSE STUDENTS LESSONS
        writes COURSE/nbgrader_config.py and COURSE/gradebook.db: the same class as `LessonsBench gradebook`
        (every student submits every lesson; each lesson has two exercises with a visible and a hidden test of
        one point each, scored with the same pattern; lesson 00 also has a hand-graded essay), through
        nbgrader's own Gradebook API, as `nbgrader autograde` would leave it.
    python nbgrader_gradebook.py student-dicts COURSE REPETITIONS
        times Gradebook.student_dicts(), the query behind formgrader's "Manage Students" page, in process,
        and prints one time in seconds per repetition.
    python nbgrader_gradebook.py same-totals LESSONS_CSV NBGRADER_CSV
        exits 1 unless both exports give every student the same total for every lesson (so both sides did the
        same work).
"""
import csv
import os
import sys
import time
import warnings

from nbgrader.api import Gradebook

# nbgrader's add_submission builds its objects outside the session and SQLAlchemy warns about each one.
warnings.filterwarnings("ignore", message="Object of type")


def database_url(course):
    return "sqlite:///" + os.path.join(os.path.abspath(course), "gradebook.db")


def populate(course, students, lessons):
    os.makedirs(course, exist_ok=True)
    with open(os.path.join(course, "nbgrader_config.py"), "w") as config:
        config.write("c = get_config()\n")
        config.write("c.CourseDirectory.root = %r\n" % os.path.abspath(course))
        config.write("c.CourseDirectory.db_url = %r\n" % database_url(course))
    with Gradebook(database_url(course)) as gradebook:
        for lesson in range(lessons):
            name = "%02d-lesson" % lesson
            gradebook.add_assignment(name)
            gradebook.add_notebook(name, name)
            for test in range(4):
                gradebook.add_grade_cell("test-%d" % test, name, name, max_score=1, cell_type="code")
            if lesson == 0:
                gradebook.add_grade_cell("essay", name, name, max_score=1, cell_type="markdown")
        for student in range(students):
            student_id = "s%04d" % student
            gradebook.add_student(student_id)
            for lesson in range(lessons):
                name = "%02d-lesson" % lesson
                submission = gradebook.add_submission(name, student_id, timestamp="2027-01-15 00:00:00")
                for grade in submission.notebooks[0].grades:
                    if grade.name == "essay":
                        grade.manual_score = 1
                    else:
                        test = int(grade.name.split("-")[1])
                        grade.auto_score = 0 if (student + test) % 3 == 0 else 1
            gradebook.db.commit()


def student_dicts(course, repetitions):
    with Gradebook(database_url(course)) as gradebook:
        for _ in range(repetitions):
            start = time.perf_counter()
            rows = gradebook.student_dicts()
            print("%.3f" % (time.perf_counter() - start))
            assert len(rows) > 0


def same_totals(lessons_csv, nbgrader_csv):
    with open(lessons_csv) as file:
        ours = {(row["student"], row["lesson"]): float(row["total"])
                for row in csv.DictReader(file) if row["exercise"] == "TOTAL"}
    with open(nbgrader_csv) as file:
        theirs = {(row["student_id"], row["assignment"]): float(row["score"]) for row in csv.DictReader(file)}
    if ours != theirs:
        differing = sorted(key for key in ours.keys() | theirs.keys() if ours.get(key) != theirs.get(key))
        sys.exit("the exports disagree on %d totals, first %s: lessons %s, nbgrader %s" % (
            len(differing), differing[0], ours.get(differing[0]), theirs.get(differing[0])))
    print("both exports give the same %d totals" % len(ours))


if __name__ == "__main__":
    if len(sys.argv) == 5 and sys.argv[1] == "populate":
        populate(sys.argv[2], int(sys.argv[3]), int(sys.argv[4]))
    elif len(sys.argv) == 4 and sys.argv[1] == "student-dicts":
        student_dicts(sys.argv[2], int(sys.argv[3]))
    elif len(sys.argv) == 4 and sys.argv[1] == "same-totals":
        same_totals(sys.argv[2], sys.argv[3])
    else:
        sys.exit(__doc__)
