"""Photos kept in the database, and the printed invoice and deposit receipt."""

import shutil
import subprocess

import pytest

from jewelbench.errors import InvalidState, NotFound, ValidationError
from jewelbench.services import custom_jobs, jobs, photos, receipts, repairs, settings
from tests.services.repair_fixtures import JPEG, PNG, shop


def _pdf_text(pdf: bytes, tmp_path) -> str | None:
    if not shutil.which("pdftotext"):
        return None
    path = tmp_path / "doc.pdf"
    path.write_bytes(pdf)
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True).stdout


def test_photos_are_added_listed_read_back_and_removed(db):
    customer_id = shop(db)
    job = repairs.open_repair(db, customer_id=customer_id, description="Chain repair")
    info = repairs.add_photo(db, job.id, "clasp.jpg", JPEG, caption="broken jump ring")
    assert (info.filename, info.mime_type, info.size, info.caption, info.by) == (
        "clasp.jpg", "image/jpeg", len(JPEG), "broken jump ring", "tester")
    second = photos.add_photo(db, job.id, "whole.png", bytearray(PNG), mime_type="image/png")
    assert [p.id for p in repairs.list_photos(db, job.id)] == [info.id, second.id]
    assert repairs.get_photo(db, second.id).data == PNG
    photos.remove_photo(db, info.id)
    assert [p.id for p in photos.list_photos(db, job.id)] == [second.id]
    with pytest.raises(NotFound):
        photos.get_photo(db, info.id)


@pytest.mark.parametrize("filename, data, mime, field", [
    ("a.png", b"GIF89a....", "image/png", "mime_type"),
    ("a.png", "not bytes", None, "data"),
    ("a.exe", b"MZ\x90\x00", None, "data"),
    ("", PNG, None, "filename"),
])
def test_bad_photos_are_refused(db, filename, data, mime, field):
    customer_id = shop(db)
    job = repairs.open_repair(db, customer_id=customer_id, description="Chain repair")
    with pytest.raises(ValidationError) as info:
        photos.add_photo(db, job.id, filename, data, mime_type=mime)
    assert info.value.field == field
    assert photos.list_photos(db, job.id) == []


def test_photos_of_a_cancelled_job_are_kept_as_they_are(db):
    customer_id = shop(db)
    job = repairs.open_repair(db, customer_id=customer_id, description="Chain repair",
                              photos=[("a.png", PNG)])
    jobs.cancel_job(db, job.id)
    with pytest.raises(InvalidState):
        photos.add_photo(db, job.id, "b.png", PNG)
    with pytest.raises(InvalidState):
        photos.remove_photo(db, photos.list_photos(db, job.id)[0].id)


def test_invoice_and_deposit_receipt_print(db, tmp_path):
    customer_id = shop(db)
    settings.set_store(db, name="Harbor Lane Jewelers", phone="(555) 201-4400")
    job = custom_jobs.open_custom_job(db, customer_id, description="Gold signet ring",
                                      price="500")
    deposit = custom_jobs.take_deposit(db, job.id, amount="150", method="card")
    receipt = receipts.receipt_pdf(db, deposit.payment.id)
    assert receipt.startswith(b"%PDF")
    text = _pdf_text(receipt, tmp_path)
    if text is not None:
        for expected in ("Deposit receipt RC-000001", "Ann Lee", "C-00001", "USD 150.00",
                         "Harbor Lane Jewelers"):
            assert expected in text
    invoice = custom_jobs.close_for_pickup(db, job.id, payments=[("200", "cash")])
    pdf = receipts.invoice_pdf(db, invoice.id)
    text = _pdf_text(pdf, tmp_path)
    if text is not None:
        for expected in ("Invoice INV-000001", "Custom C-00001: Gold signet ring",
                         "USD 541.25", "Balance due", "USD 191.25", "RC-000002"):
            assert expected in text
    assert receipts.receipt_id(db, "RC-000002") == invoice.payments[-1].id
    with pytest.raises(NotFound):
        receipts.invoice_pdf(db, 99)
    with pytest.raises(NotFound):
        receipts.receipt_pdf(db, 99)
