import json
import shutil
import subprocess

import pytest

from jewelbench.errors import NotFound
from jewelbench.services import jobs, parties, settings, tickets
from jewelbench.services.unit_of_work import UnitOfWork


def _repair(db):
    ann = parties.add_customer(db, name="Ann Lee", phone="(555) 123-4567")
    with UnitOfWork(db) as uow:
        job = jobs.new_job(uow, module="repair", description="Retip four prongs", rush=True,
                           customer_id=ann.id, piece_type="Solitaire ring", metal="14K white",
                           size="6",
                           condition=json.dumps({"checks": ["worn_prongs", "scratches"],
                                                 "notes": "small nick on shank"}))
        uow.commit()
        job_id = job.id
    jobs.add_stage(db, job_id, name="Retip", cost="60")
    return job_id


def test_ticket_is_a_pdf_with_the_job_on_it(db, tmp_path):
    settings.set_store(db, name="Harbor Lane Jewelers", phone="(555) 201-4400")
    pdf = tickets.job_ticket_pdf(db, _repair(db))
    assert pdf.startswith(b"%PDF")
    if shutil.which("pdftotext"):
        path = tmp_path / "ticket.pdf"
        path.write_bytes(pdf)
        text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True,
                              text=True).stdout
        for expected in ("R-00001", "REPAIR", "RUSH", "Ann Lee", "Retip four prongs",
                         "worn prongs", "Harbor Lane Jewelers"):
            assert expected in text


def test_ticket_for_an_unknown_job(db):
    with pytest.raises(NotFound):
        tickets.job_ticket_pdf(db, 4242)
