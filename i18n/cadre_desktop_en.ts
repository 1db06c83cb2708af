<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AttendanceTab</name>
    <message numerus="yes">
        <source>Marked %Ln participants present</source>
        <translation>
            <numerusform>Marked %Ln participant present</numerusform>
            <numerusform>Marked %Ln participants present</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported the attendance of %Ln participants to %1</source>
        <translation>
            <numerusform>Exported the attendance of %Ln participant to %1</numerusform>
            <numerusform>Exported the attendance of %Ln participants to %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported attendance: %Ln records changed</source>
        <translation>
            <numerusform>Imported attendance: %Ln record changed</numerusform>
            <numerusform>Imported attendance: %Ln records changed</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ClassesPage</name>
    <message numerus="yes">
        <source>%Ln classes</source>
        <translation>
            <numerusform>%Ln class</numerusform>
            <numerusform>%Ln classes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CoveragePanel</name>
    <message numerus="yes">
        <source>Untrained in %1: %Ln people</source>
        <translation>
            <numerusform>Untrained in %1: %Ln person</numerusform>
            <numerusform>Untrained in %1: %Ln people</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DetailsTab</name>
    <message numerus="yes">
        <source>%Ln sessions</source>
        <translation>
            <numerusform>%Ln session</numerusform>
            <numerusform>%Ln sessions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln on the waiting list</source>
        <translation>
            <numerusform>%Ln on the waiting list</numerusform>
            <numerusform>%Ln on the waiting list</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DueSummarySection</name>
    <message numerus="yes">
        <source>%Ln member(s)</source>
        <translation>
            <numerusform>%Ln member</numerusform>
            <numerusform>%Ln members</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %Ln branch(es)</source>
        <translation>
            <numerusform>in %Ln branch</numerusform>
            <numerusform>in %Ln branches</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 — %Ln member(s) without self-evaluation round %2, due %3</source>
        <translation>
            <numerusform>%1 — %Ln member without self-evaluation round %2, due %3</numerusform>
            <numerusform>%1 — %Ln members without self-evaluation round %2, due %3</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln class(es)</source>
        <translation>
            <numerusform>%Ln class</numerusform>
            <numerusform>%Ln classes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln office(s)</source>
        <translation>
            <numerusform>%Ln office</numerusform>
            <numerusform>%Ln offices</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… and %Ln more</source>
        <translation>
            <numerusform>… and %Ln more</numerusform>
            <numerusform>… and %Ln more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EnrolUnmetDialog</name>
    <message numerus="yes">
        <source>%Ln people do not yet meet the target “%1”. Choose the class to enrol them into.</source>
        <translation>
            <numerusform>%Ln person does not yet meet the target “%1”. Choose the class to enrol them into.</numerusform>
            <numerusform>%Ln people do not yet meet the target “%1”. Choose the class to enrol them into.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportFlow</name>
    <message numerus="yes">
        <source>Type the office passphrase to open %Ln bundle(s).</source>
        <translation>
            <numerusform>Type the office passphrase to open %Ln bundle.</numerusform>
            <numerusform>Type the office passphrase to open %Ln bundles.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportReportDialog</name>
    <message numerus="yes">
        <source>%Ln marks read from the accepted rows.</source>
        <translation>
            <numerusform>%Ln mark read from the accepted rows.</numerusform>
            <numerusform>%Ln marks read from the accepted rows.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln records would change.</source>
        <translation>
            <numerusform>%Ln record would change.</numerusform>
            <numerusform>%Ln records would change.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln rows are rejected (below). Nothing is written unless you choose to import the valid rows only.</source>
        <translation>
            <numerusform>%Ln row is rejected (below). Nothing is written unless you choose to import the valid rows only.</numerusform>
            <numerusform>%Ln rows are rejected (below). Nothing is written unless you choose to import the valid rows only.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ListFiles</name>
    <message numerus="yes">
        <source>%1: %Ln rows saved to %2</source>
        <translation>
            <numerusform>%1: %Ln row saved to %2</numerusform>
            <numerusform>%1: %Ln rows saved to %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MemberProgrammePage</name>
    <message numerus="yes">
        <source>Wrote %Ln yearly ratings</source>
        <translation>
            <numerusform>Wrote %Ln yearly rating</numerusform>
            <numerusform>Wrote %Ln yearly ratings</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NotEnrolledDialog</name>
    <message numerus="yes">
        <source>Enrolled %Ln</source>
        <translation>
            <numerusform>Enrolled %Ln</numerusform>
            <numerusform>Enrolled %Ln</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln on the waiting list</source>
        <translation>
            <numerusform>%Ln on the waiting list</numerusform>
            <numerusform>%Ln on the waiting list</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln people of the target group were not enrolled:</source>
        <translation>
            <numerusform>%Ln person of the target group was not enrolled:</numerusform>
            <numerusform>%Ln people of the target group were not enrolled:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ParticipantsTab</name>
    <message numerus="yes">
        <source>%Ln not enrolled</source>
        <translation>
            <numerusform>%Ln not enrolled</numerusform>
            <numerusform>%Ln not enrolled</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln participants are under the programme&apos;s minimum attendance so far (highlighted).</source>
        <translation>
            <numerusform>%Ln participant is under the programme&apos;s minimum attendance so far (highlighted).</numerusform>
            <numerusform>%Ln participants are under the programme&apos;s minimum attendance so far (highlighted).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Enrolled %Ln</source>
        <translation>
            <numerusform>Enrolled %Ln</numerusform>
            <numerusform>Enrolled %Ln</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln on the waiting list</source>
        <translation>
            <numerusform>%Ln on the waiting list</numerusform>
            <numerusform>%Ln on the waiting list</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln already in the class</source>
        <translation>
            <numerusform>%Ln already in the class</numerusform>
            <numerusform>%Ln already in the class</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PdfMaker</name>
    <message numerus="yes">
        <source>%1 ready (%Ln pages)</source>
        <translation>
            <numerusform>%1 ready (%Ln page)</numerusform>
            <numerusform>%1 ready (%Ln pages)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %Ln page(s) sent to the printer</source>
        <translation>
            <numerusform>%1: %Ln page sent to the printer</numerusform>
            <numerusform>%1: %Ln pages sent to the printer</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PersonSearchDialog</name>
    <message numerus="yes">
        <source>%Ln people found</source>
        <translation>
            <numerusform>%Ln person found</numerusform>
            <numerusform>%Ln people found</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PreviewDialog</name>
    <message numerus="yes">
        <source>&amp;Import %Ln bundle(s)</source>
        <translation>
            <numerusform>&amp;Import %Ln bundle</numerusform>
            <numerusform>&amp;Import %Ln bundles</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln file(s) refused and left out.</source>
        <translation>
            <numerusform>%Ln file refused and left out.</numerusform>
            <numerusform>%Ln files refused and left out.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln bundle(s) left out until confirmed.</source>
        <translation>
            <numerusform>%Ln bundle left out until confirmed.</numerusform>
            <numerusform>%Ln bundles left out until confirmed.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PrintPreview</name>
    <message numerus="yes">
        <source>%Ln page(s)</source>
        <translation>
            <numerusform>%Ln page</numerusform>
            <numerusform>%Ln pages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln page(s) sent to the printer.</source>
        <translation>
            <numerusform>%Ln page sent to the printer.</numerusform>
            <numerusform>%Ln pages sent to the printer.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PrintTab</name>
    <message numerus="yes">
        <source>%1 ready (%Ln pages)</source>
        <translation>
            <numerusform>%1 ready (%Ln page)</numerusform>
            <numerusform>%1 ready (%Ln pages)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %Ln pages, ready to print or save.</source>
        <translation>
            <numerusform>%1: %Ln page, ready to print or save.</numerusform>
            <numerusform>%1: %Ln pages, ready to print or save.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ResultsTab</name>
    <message numerus="yes">
        <source>Numbered %Ln certificates</source>
        <translation>
            <numerusform>Numbered %Ln certificate</numerusform>
            <numerusform>Numbered %Ln certificates</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RosterPage</name>
    <message numerus="yes">
        <source>%Ln deleted people</source>
        <translation>
            <numerusform>%Ln deleted person</numerusform>
            <numerusform>%Ln deleted people</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln people</source>
        <translation>
            <numerusform>%Ln person</numerusform>
            <numerusform>%Ln people</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Deleted %Ln people. Press Ctrl+Z to undo.</source>
        <translation>
            <numerusform>Deleted %Ln person. Press Ctrl+Z to undo.</numerusform>
            <numerusform>Deleted %Ln people. Press Ctrl+Z to undo.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Restored %Ln people.</source>
        <translation>
            <numerusform>Restored %Ln person.</numerusform>
            <numerusform>Restored %Ln people.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln people to %1</source>
        <translation>
            <numerusform>Exported %Ln person to %1</numerusform>
            <numerusform>Exported %Ln people to %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RosterFiles</name>
    <message numerus="yes">
        <source>Exported %Ln people to %1</source>
        <translation>
            <numerusform>Exported %Ln person to %1</numerusform>
            <numerusform>Exported %Ln people to %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ScoresPanel</name>
    <message numerus="yes">
        <source>Saved the scores of %Ln members</source>
        <translation>
            <numerusform>Saved the scores of %Ln member</numerusform>
            <numerusform>Saved the scores of %Ln members</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SessionsTab</name>
    <message numerus="yes">
        <source>%Ln sessions</source>
        <translation>
            <numerusform>%Ln session</numerusform>
            <numerusform>%Ln sessions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Clashes with other sessions: %Ln</source>
        <translation>
            <numerusform>Clashes with other sessions: %Ln</numerusform>
            <numerusform>Clashes with other sessions: %Ln</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Deleted %Ln sessions. Press Ctrl+Z to undo.</source>
        <translation>
            <numerusform>Deleted %Ln session. Press Ctrl+Z to undo.</numerusform>
            <numerusform>Deleted %Ln sessions. Press Ctrl+Z to undo.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Added %Ln sessions</source>
        <translation>
            <numerusform>Added %Ln session</numerusform>
            <numerusform>Added %Ln sessions</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TargetsPage</name>
    <message numerus="yes">
        <source>Exported %1 (%Ln people not yet met)</source>
        <translation>
            <numerusform>Exported %1 (%Ln person not yet met)</numerusform>
            <numerusform>Exported %1 (%Ln people not yet met)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TargetGroupDialog</name>
    <message numerus="yes">
        <source>%Ln people of the target group have not had this programme and are not in this class. Beyond the capacity they go to the waiting list.</source>
        <translation>
            <numerusform>%Ln person of the target group has not had this programme and is not in this class. Beyond the capacity they go to the waiting list.</numerusform>
            <numerusform>%Ln people of the target group have not had this programme and are not in this class. Beyond the capacity they go to the waiting list.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Enrol %Ln people</source>
        <translation>
            <numerusform>Enrol %Ln person</numerusform>
            <numerusform>Enrol %Ln people</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RollupPage</name>
    <message numerus="yes">
        <source>%Ln office(s) below</source>
        <translation>
            <numerusform>%Ln office below</numerusform>
            <numerusform>%Ln offices below</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln overdue with their bundles</source>
        <translation>
            <numerusform>%Ln overdue with its bundles</numerusform>
            <numerusform>%Ln overdue with their bundles</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln behind on a target</source>
        <translation>
            <numerusform>%Ln behind on a target</numerusform>
            <numerusform>%Ln behind on a target</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SendBundlePage</name>
    <message numerus="yes">
        <source>Next bundle: number %1, the changes since bundle %2, which %3 received on %4 (%Ln record(s) changed).</source>
        <translation>
            <numerusform>Next bundle: number %1, the changes since bundle %2, which %3 received on %4 (%Ln record changed).</numerusform>
            <numerusform>Next bundle: number %1, the changes since bundle %2, which %3 received on %4 (%Ln records changed).</numerusform>
        </translation>
    </message>
</context>
</TS>
